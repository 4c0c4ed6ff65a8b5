import Decimal from 'decimal.js';
import { TradeError } from '../../errors/trade-error';
import { minorUnits } from './currency.codes';
import { DECIMAL_PATTERN } from './decimal.schema';
import type { Money } from './money.schema';

// A private Decimal constructor so TradeHub never depends on (or changes) global settings.
// 40 significant digits is far beyond any amount a trade document carries.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * Rounding modes. HALF_UP (half away from zero) is the commercial default: invoices, customs
 * declarations, SWIFT amounts and bank statements all round that way, so reproducing a
 * partner's total needs it. HALF_EVEN (banker's rounding) removes the upward bias when many
 * rounded values are summed, and is offered for internal aggregates (e.g. allocations).
 */
export type RoundingMode = 'half-up' | 'half-even';
const MODES: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
};

function dec(amount: string): Decimal {
  if (!DECIMAL_PATTERN.test(amount)) {
    throw new TradeError('rejected', `not a plain decimal amount: "${amount}"`, {
      code: 'BAD_AMOUNT',
    });
  }
  return new D(amount);
}

function digitsOf(currency: string): number {
  const digits = minorUnits(currency);
  if (digits === undefined) {
    throw new TradeError('rejected', `unknown ISO 4217 currency "${currency}"`, {
      code: 'BAD_CURRENCY',
    });
  }
  return digits;
}

function sameCurrency(a: Money, b: Money, op: string): void {
  if (a.currency !== b.currency) {
    throw new TradeError('rejected', `cannot ${op} ${a.currency} and ${b.currency}`, {
      code: 'CURRENCY_MISMATCH',
    });
  }
}

// toFixed() without argument never uses exponent notation, unlike toString().
const out = (value: Decimal, currency: string): Money => ({ amount: value.toFixed(), currency });

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'add');
  return out(dec(a.amount).plus(dec(b.amount)), a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'subtract');
  return out(dec(a.amount).minus(dec(b.amount)), a.currency);
}

/** Multiplies by a decimal string (a quantity, a rate such as "0.13", an FX rate). */
export function multiplyMoney(m: Money, factor: string): Money {
  return out(dec(m.amount).times(dec(factor)), m.currency);
}

/** Sums amounts of one currency; the currency is needed to give an empty list a total. */
export function sumMoney(list: readonly Money[], currency: string): Money {
  let total = new D(0);
  for (const m of list) {
    sameCurrency({ amount: '0', currency }, m, 'sum');
    total = total.plus(dec(m.amount));
  }
  return out(total, currency);
}

/** -1, 0 or 1, comparing amounts of one currency numerically ("1.50" equals "1.5"). */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'compare');
  return dec(a.amount).comparedTo(dec(b.amount)) as -1 | 0 | 1;
}

/** Rounds to the currency's minor units (JPY 0, USD 2, KWD 3, CLF 4) with fixed decimals. */
export function roundToMinor(m: Money, mode: RoundingMode = 'half-up'): Money {
  const digits = digitsOf(m.currency);
  const rounded = dec(m.amount).toDecimalPlaces(digits, MODES[mode]);
  // "-0.004" rounds to zero: write "0.00", never "-0.00".
  const value = rounded.isZero() ? rounded.abs() : rounded;
  return { amount: value.toFixed(digits), currency: m.currency };
}

export interface FormatOptions {
  /** '.' (default) or ',' as SWIFT MT writes amounts. */
  decimalSeparator?: '.' | ',';
  /** Grouping separator for display, none by default. */
  groupSeparator?: string;
  mode?: RoundingMode;
}

/** The amount rounded to minor units as text, e.g. "1,234.50", or "1234,50" for SWIFT. */
export function formatAmount(m: Money, options: FormatOptions = {}): string {
  const fixed = roundToMinor(m, options.mode).amount;
  const [whole = '', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = options.groupSeparator
    ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, options.groupSeparator)
    : digits;
  const sep = options.decimalSeparator ?? '.';
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${sep}${fraction}`;
}
