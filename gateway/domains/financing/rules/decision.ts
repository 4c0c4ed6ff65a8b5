import type { Money } from '../../../../core/model/values/money.schema';

export { percentOf } from '../../percent';

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

export function outcome(
  reasons: Reason[],
  amount: Money,
  fee?: Money,
  feePercent?: string,
): FinancingOutcome {
  if (reasons.length > 0) return { eligible: false, reasons };
  return { eligible: true, reasons, amount, ...(fee ? { fee, feePercent } : {}) };
}
