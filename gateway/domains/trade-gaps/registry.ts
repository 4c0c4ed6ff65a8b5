import { clearanceTradeGaps } from '../clearance/rules/trade-gaps';
import { insuranceTradeGaps } from '../insurance/rules/trade-gaps';
import { logisticsTradeGaps } from '../logistics/rules/trade-gaps';
import { rebateTradeGaps } from '../rebate/rules/trade-gaps';
import { settlementTradeGaps } from '../settlement/rules/trade-gaps';
import { daysBetween } from '../calendar-days';
import type { Label, TradeFacts, TradeGapRule } from './contract';

/** Every domain's "still missing" rules: a domain adds its own with one line here. */
export const TRADE_GAP_RULES: readonly TradeGapRule[] = [
  ...clearanceTradeGaps,
  ...logisticsTradeGaps,
  ...settlementTradeGaps,
  ...insuranceTradeGaps,
  ...rebateTradeGaps,
];

/** One piece still missing on a trade, as the API and the console show it. */
export interface MissingPiece {
  domain: string;
  code: string;
  label: Label;
  subject?: string;
  detail?: string;
  due?: string;
  /** Days from today to `due` (negative once overdue). */
  daysLeft?: number;
  overdue: boolean;
}

/** What every rule finds missing on the trade, the most urgent first (undated last). */
export function missingPieces(
  facts: TradeFacts,
  rules: readonly TradeGapRule[] = TRADE_GAP_RULES,
): MissingPiece[] {
  const pieces = rules.flatMap((rule) =>
    rule.find(facts).map((gap): MissingPiece => {
      const daysLeft = gap.due ? daysBetween(facts.today, gap.due) : undefined;
      return {
        domain: rule.domain,
        code: rule.code,
        label: rule.label,
        ...(gap.subject ? { subject: gap.subject } : {}),
        ...(gap.detail ? { detail: gap.detail } : {}),
        ...(gap.due ? { due: gap.due, daysLeft } : {}),
        overdue: daysLeft !== undefined && daysLeft < 0,
      };
    }),
  );
  return pieces.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
}

/** Today's date in China (UTC+8 all year): customs, Sinosure and tax deadlines are China dates. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
