import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';
import { outcome, percentOf, type FinancingOutcome, type Reason } from './decision';
import { feeFor, type FeeBand } from './receivables';

/** Advance rebate payment (退税贷): financing against a ready claim, repaid by the refund. */
export interface RebateAdvancePolicy {
  /** Share of the expected refund advanced (e.g. 80%). */
  advanceRatePercent: string;
  /** Days from draw to the bureau's refund the fee is priced on (the grid's tenor). */
  expectedTenorDays: number;
  /** The financing fee grid (1-3%); the tax bureau is a LOW risk debtor. */
  feeGrid: readonly FeeBand[];
}

export interface RebateClaimFacts {
  claimNo: string;
  ready: boolean;
  refunded: boolean;
  expectedRefund?: Money;
  /** The financing number of an advance already drawn on this claim. */
  advancedBy?: string;
}

function claimReasons(c: RebateClaimFacts): Reason[] {
  const out: Reason[] = [];
  if (!c.ready || !c.expectedRefund)
    out.push({ code: 'CLAIM_NOT_READY', message: `rebate claim ${c.claimNo} is not ready` });
  if (c.refunded)
    out.push({ code: 'CLAIM_REFUNDED', message: `rebate claim ${c.claimNo} is refunded already` });
  if (c.advancedBy)
    out.push({
      code: 'ALREADY_ADVANCED',
      message: `rebate claim ${c.claimNo} is financed already by ${c.advancedBy}`,
    });
  if (c.expectedRefund && !new Decimal(c.expectedRefund.amount).gt(0))
    out.push({
      code: 'NOTHING_TO_ADVANCE',
      message: `rebate claim ${c.claimNo} expects no refund`,
    });
  return out;
}

/** Advance = rate x expected refund; fee from the grid at the expected tenor, on the advance. */
export function decideRebateAdvance(
  c: RebateClaimFacts,
  policy: RebateAdvancePolicy,
): FinancingOutcome {
  const reasons = claimReasons(c);
  const feePercent = feeFor(policy, policy.expectedTenorDays, 'LOW');
  if (!feePercent)
    reasons.push({
      code: 'TENOR_NOT_PRICED',
      message: `no fee for LOW risk at ${policy.expectedTenorDays} days`,
    });
  const expected = c.expectedRefund ?? { amount: '0', currency: 'CNY' };
  const advance = percentOf(expected, policy.advanceRatePercent);
  return outcome(
    reasons,
    advance,
    feePercent ? percentOf(advance, feePercent) : undefined,
    feePercent,
  );
}

export interface Repayment {
  repaid: Money;
  outstanding: Money;
  /** What of the refund is left for the client after the advance is repaid. */
  surplus: Money;
}

/** The refund repays the advance up to what is outstanding; a short refund leaves the rest due. */
export function applyRefund(outstanding: Money, refund: Money): Repayment {
  if (outstanding.currency !== refund.currency)
    throw new Error(
      `refund in ${refund.currency} cannot repay an advance in ${outstanding.currency}`,
    );
  const owed = new Decimal(outstanding.amount);
  const paid = Decimal.min(owed, new Decimal(refund.amount));
  const money = (d: Decimal): Money => ({ amount: d.toFixed(2), currency: outstanding.currency });
  return {
    repaid: money(paid),
    outstanding: money(owed.minus(paid)),
    surplus: money(new Decimal(refund.amount).minus(paid)),
  };
}
