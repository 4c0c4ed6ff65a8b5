import Decimal from 'decimal.js';
import { roundToMinor } from '../../../../core/model/values/money';
import type { Money } from '../../../../core/model/values/money.schema';
import type { FxDelivered } from '../../settlement/settlement-events';
import type { Billable } from './metering';

/**
 * The platform's FX margin on a delivery, in the quote currency: the client sells foreign
 * currency (SELL_FX, 结汇) at a rate below the bank's, or buys it (BUY_FX, 售汇) above:
 * (bankRate - clientRate) x amount, or (clientRate - bankRate) x amount. A client rate better
 * than the bank's is a negative margin, metered as such.
 */
export function fxMargin(d: FxDelivered): Money {
  const spread = new Decimal(d.bankRate).minus(d.clientRate);
  const perUnit = d.direction === 'SELL_FX' ? spread : spread.neg();
  return roundToMinor({
    amount: perUnit.times(d.amount.amount).toFixed(),
    currency: d.quoteCurrency,
  });
}

/** A delivery at two rates: the margin earned on it, once per delivery (`ref`). */
export function fxMarginEarned(d: FxDelivered): Billable {
  const a = d.amount;
  return {
    service: 'FX_MARGIN',
    ref: d.ref,
    occurredAt: d.deliveredAt,
    margin: fxMargin(d),
    basis: `${d.direction} ${a.currency} ${a.amount}: bank ${d.bankRate}, client ${d.clientRate}`,
  };
}
