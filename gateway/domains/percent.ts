import Decimal from 'decimal.js';
import { roundToMinor } from '../../core/model/values/money';
import type { Money } from '../../core/model/values/money.schema';

/** `base` x `percent` / 100, rounded half-up to the currency's minor unit (fees, advances, premiums). */
export function percentOf(base: Money, percent: Decimal.Value): Money {
  const value = new Decimal(base.amount).times(percent).div(100);
  return roundToMinor({ amount: value.toFixed(), currency: base.currency });
}
