import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';
import type { LineRebate } from './calculation';

/** One claim per declaration: its number is derived, so a redelivered event finds the same one. */
export const claimNoOf = (declarationNo: string): string => `RB-${declarationNo}`;

/** The refund a claim expects: the sum of its lines' refunds (CNY, already rounded per line). */
export function expectedRefund(lines: readonly LineRebate[]): Money {
  const total = lines.reduce((s, l) => s.plus(l.refund.amount), new Decimal(0));
  return { amount: total.toFixed(2), currency: 'CNY' };
}
