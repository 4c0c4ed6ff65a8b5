import { checkPolicy, type FeeBand } from './rules/receivables';
import type { RebateAdvancePolicy } from './rules/rebate-advance';

export const FINANCING_SETTINGS = Symbol('FINANCING_SETTINGS');

export interface FinancingSettings {
  rebateAdvance: RebateAdvancePolicy;
}

/** Default grid for the tax bureau as debtor: 1% up to 90 days, 1.5% up to 180 (issue 15: 1-3%). */
const DEFAULT_REBATE_GRID: FeeBand[] = [
  { maxTenorDays: 90, risk: 'LOW', feePercent: '1' },
  { maxTenorDays: 180, risk: 'LOW', feePercent: '1.5' },
];

/**
 * From the environment: FINANCING_REBATE_ADVANCE_RATE (percent, default 80: primer §7 sizes
 * rebate financing as a share of the expected refund), FINANCING_REBATE_TENOR_DAYS (default
 * 60), FINANCING_REBATE_FEE_GRID (JSON FeeBand[]). A grid outside 1-3% fails at start-up.
 */
export function financingSettings(env: NodeJS.ProcessEnv = process.env): FinancingSettings {
  const rebateAdvance: RebateAdvancePolicy = {
    advanceRatePercent: env.FINANCING_REBATE_ADVANCE_RATE ?? '80',
    expectedTenorDays: Number(env.FINANCING_REBATE_TENOR_DAYS ?? 60),
    feeGrid: env.FINANCING_REBATE_FEE_GRID
      ? (JSON.parse(env.FINANCING_REBATE_FEE_GRID) as FeeBand[])
      : DEFAULT_REBATE_GRID,
  };
  checkPolicy(rebateAdvance);
  return { rebateAdvance };
}
