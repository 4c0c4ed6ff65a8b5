import Decimal from 'decimal.js';
import { roundToMinor } from '../../../../core/model/values/money';
import type { Money } from '../../../../core/model/values/money.schema';

/** Why a financing is refused or reduced; codes are stable, messages for people. */
export interface Reason {
  code: string;
  message: string;
}

export interface FinancingOutcome {
  eligible: boolean;
  reasons: Reason[];
  /** What may be advanced, when eligible. */
  amount?: Money;
  fee?: Money;
  feePercent?: string;
}

/** `base` x `percent` / 100, rounded half-up to the currency's minor unit. */
export function percentOf(base: Money, percent: Decimal.Value): Money {
  const value = new Decimal(base.amount).times(percent).div(100);
  return roundToMinor({ amount: value.toFixed(), currency: base.currency });
}

export function outcome(
  reasons: Reason[],
  amount: Money,
  fee?: Money,
  feePercent?: string,
): FinancingOutcome {
  if (reasons.length > 0) return { eligible: false, reasons };
  return { eligible: true, reasons, amount, ...(fee ? { fee, feePercent } : {}) };
}
