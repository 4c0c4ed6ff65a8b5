import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';
import { daysBetween } from '../../calendar-days';

/** A buyer's limit as the platform tracks it between decision and payments. */
export interface LimitBalance {
  status: 'APPLIED' | 'APPROVED' | 'REJECTED';
  approved: Money;
  used: Money;
}

export function available(l: LimitBalance): Money {
  const free =
    l.status === 'APPROVED'
      ? Decimal.max(0, new Decimal(l.approved.amount).minus(l.used.amount))
      : new Decimal(0);
  return { amount: free.toFixed(2), currency: l.approved.currency };
}

/** A declared shipment uses the limit; what exceeds it is shipped uninsured. */
export function useLimit(
  l: LimitBalance,
  amount: Money,
): { balance: LimitBalance; uncovered: Money } {
  const free = new Decimal(available(l).amount);
  const take = Decimal.min(free, amount.amount);
  const used = new Decimal(l.used.amount).plus(take).toFixed(2);
  const uncovered = new Decimal(amount.amount).minus(take).toFixed(2);
  return {
    balance: { ...l, used: { ...l.used, amount: used } },
    uncovered: { amount: uncovered, currency: amount.currency },
  };
}

/** The buyer's payment frees the limit it had used (revolving). */
export function releaseLimit(l: LimitBalance, paid: Money): LimitBalance {
  const used = Decimal.max(0, new Decimal(l.used.amount).minus(paid.amount)).toFixed(2);
  return { ...l, used: { ...l.used, amount: used } };
}

export interface OverdueRule {
  /** Days past due after which the possible-loss notice is filed. */
  reportAfterDays: number;
  /** Days past due after which a notice is late and the indemnity may be reduced (primer §9: 60). */
  latestDays: number;
}

export const DEFAULT_OVERDUE: OverdueRule = { reportAfterDays: 30, latestDays: 60 };

/** Whether an unpaid receivable calls for the notice of possible loss (可能损失通知书). */
export function possibleLoss(dueDate: string, today: string, rule = DEFAULT_OVERDUE) {
  const overdueDays = Math.max(0, daysBetween(dueDate, today));
  return {
    overdueDays,
    report: overdueDays > rule.reportAfterDays,
    late: overdueDays > rule.latestDays,
  };
}
