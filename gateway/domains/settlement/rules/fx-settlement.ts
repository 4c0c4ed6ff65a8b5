import Decimal from 'decimal.js';
import { minorUnits } from '../../../../core/model/values/currency.codes';
import type { Money } from '../../../../core/model/values/money.schema';

/** 结汇: a foreign-currency receipt sold to the bank for CNY, and what the spread cost. */
export interface FxSettlementQuote {
  foreign: Money;
  bankRate: string;
  referenceRate: string;
  cny: Money;
  /** (reference - bank) / reference, in basis points. */
  spreadBps: string;
  /** CNY the client did not get because of the spread. */
  spreadCost: Money;
}

const D = Decimal.clone({ precision: 40 });
const cny = (v: Decimal): Money => ({
  amount: v.toDecimalPlaces(minorUnits('CNY') ?? 2, Decimal.ROUND_HALF_UP).toFixed(2),
  currency: 'CNY',
});

export function settleFx(
  foreign: Money,
  bankRate: string,
  referenceRate: string,
): FxSettlementQuote {
  const amount = new D(foreign.amount);
  const reference = new D(referenceRate);
  const spread = reference.minus(bankRate);
  return {
    foreign,
    bankRate,
    referenceRate,
    cny: cny(amount.times(bankRate)),
    spreadBps: spread.div(reference).times(10_000).toDecimalPlaces(2).toFixed(2),
    spreadCost: cny(amount.times(spread)),
  };
}
