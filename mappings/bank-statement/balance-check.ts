import Decimal from 'decimal.js';
import type { BankStatement } from '../../core/model/documents/banking-payment.schema';
import type { Money } from '../../core/model/values/money.schema';

const signed = (creditDebit: string, amount: string) =>
  creditDebit === 'CREDIT' ? new Decimal(amount) : new Decimal(amount).negated();

/**
 * Opening balance + credits - debits must equal the closing balance (booked entries only).
 * Returns the difference (closing - computed) when they do not add up, undefined when they do
 * or when the statement has no opening and closing pair to compare.
 */
export function balanceCheck(
  statement: Pick<BankStatement, 'balances' | 'entries'>,
): { difference: Money; warning: string } | undefined {
  const opening = statement.balances.find((b) => b.type.endsWith('OPENING'));
  const closing = statement.balances.find(
    (b) => b.type === 'CLOSING' || b.type === 'INTERIM_CLOSING',
  );
  if (!opening || !closing || opening.amount.currency !== closing.amount.currency) return undefined;
  const booked = statement.entries.filter((e) => !e.status || e.status === 'BOOKED');
  const computed = booked.reduce(
    (sum, e) => sum.plus(signed(e.creditDebit, e.amount.amount)),
    signed(opening.creditDebit, opening.amount.amount),
  );
  const stated = signed(closing.creditDebit, closing.amount.amount);
  if (computed.eq(stated)) return undefined;
  const places = closing.amount.amount.split('.')[1]?.length ?? 0;
  const difference = {
    amount: stated.minus(computed).toFixed(places),
    currency: closing.amount.currency,
  };
  return {
    difference,
    warning:
      `balances do not add up: opening ${opening.amount.amount} + entries = ${computed.toFixed(places)}` +
      ` but closing is ${stated.toFixed(places)} ${closing.amount.currency} (difference ${difference.amount})`,
  };
}
