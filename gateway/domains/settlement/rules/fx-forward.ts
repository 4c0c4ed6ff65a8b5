import Decimal from 'decimal.js';
import { minorUnits } from '../../../../core/model/values/currency.codes';
import type { Money } from '../../../../core/model/values/money.schema';

/**
 * A forward (远期结汇 / 售汇) the client booked with its bank: `amount` of foreign currency sold
 * (SELL_FX, an exporter's receipts) or bought (BUY_FX) at `rate` units of `quoteCurrency` each.
 */
export interface ForwardTerms {
  direction: 'SELL_FX' | 'BUY_FX';
  amount: Money;
  quoteCurrency: string;
  rate: string;
  /** Already delivered, in `amount.currency`. */
  drawn: string;
}

export interface Delivery {
  delivered: Money;
  /** What the delivered amount is worth at the forward rate, and at spot. */
  atForward: Money;
  atSpot: Money;
  /** Positive when the forward beat spot for the client. */
  gainLoss: Money;
}

const D = Decimal.clone({ precision: 40 });

function money(value: Decimal, currency: string): Money {
  const places = minorUnits(currency) ?? 2;
  return { amount: value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places), currency };
}

export function remainingOf(f: ForwardTerms): Decimal {
  return new D(f.amount.amount).minus(f.drawn);
}

/**
 * Delivers up to `offered` (a received payment in the forward's currency; the whole remainder
 * at maturity) under the forward, and values it against `spotRate`.
 */
export function deliver(f: ForwardTerms, offered: string, spotRate: string): Delivery {
  const delivered = Decimal.max(0, Decimal.min(remainingOf(f), offered));
  const atForward = delivered.times(f.rate);
  const atSpot = delivered.times(spotRate);
  // Selling foreign currency: a forward rate above spot brings more quote currency.
  const gain = f.direction === 'SELL_FX' ? atForward.minus(atSpot) : atSpot.minus(atForward);
  return {
    delivered: money(delivered, f.amount.currency),
    atForward: money(atForward, f.quoteCurrency),
    atSpot: money(atSpot, f.quoteCurrency),
    gainLoss: money(gain, f.quoteCurrency),
  };
}

/** Open forward amounts per foreign currency: what the client still has to deliver or take. */
export function exposure(forwards: readonly ForwardTerms[]): Record<string, Money> {
  const out: Record<string, Decimal> = {};
  for (const f of forwards) {
    const key = f.amount.currency;
    out[key] = (out[key] ?? new D(0)).plus(remainingOf(f));
  }
  return Object.fromEntries(Object.entries(out).map(([c, v]) => [c, money(v, c)]));
}
