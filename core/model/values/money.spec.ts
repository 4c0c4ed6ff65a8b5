import { TradeError } from '../../errors/trade-error';
import { CURRENCY_CODES, minorUnits } from './currency.codes';
import {
  addMoney,
  compareMoney,
  formatAmount,
  multiplyMoney,
  roundToMinor,
  subtractMoney,
  sumMoney,
} from './money';
import { MoneySchema, PositiveMoneySchema } from './money.schema';

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('Money schema', () => {
  it.each([
    ['1234.56', 'USD'],
    ['-0.5', 'EUR'],
    ['1000', 'JPY'],
    ['0.125', 'KWD'],
  ])('accepts %s %s', (amount, currency) => {
    expect(MoneySchema.safeParse({ amount, currency }).success).toBe(true);
  });

  it.each([
    ['1e3', 'USD'],
    ['1,234.56', 'USD'],
    ['+5', 'USD'],
    ['12.', 'USD'],
    ['12.00', 'CNH'],
    ['12.00', 'usd'],
    ['12.00', 'HRK'],
  ])('refuses %s %s', (amount, currency) => {
    expect(MoneySchema.safeParse({ amount, currency }).success).toBe(false);
  });

  it('refuses negative amounts where they make no sense', () => {
    const r = PositiveMoneySchema.safeParse(usd('-1'));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['amount']);
  });

  it('knows minor units from the ISO 4217 table', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect([minorUnits('JPY'), minorUnits('USD'), minorUnits('BHD'), minorUnits('CLF')]).toEqual([
      0, 2, 3, 4,
    ]);
    expect(minorUnits('XCG')).toBe(2);
    expect(minorUnits('ANG')).toBeUndefined();
  });
});

describe('Money arithmetic', () => {
  it('adds, subtracts and sums exactly (no float drift)', () => {
    expect(addMoney(usd('0.1'), usd('0.2'))).toEqual(usd('0.3'));
    expect(subtractMoney(usd('100'), usd('100.01'))).toEqual(usd('-0.01'));
    expect(sumMoney([usd('1.10'), usd('2.20'), usd('3.30')], 'USD')).toEqual(usd('6.6'));
    expect(sumMoney([], 'EUR')).toEqual({ amount: '0', currency: 'EUR' });
  });

  it('multiplies by a decimal string without exponent notation', () => {
    expect(multiplyMoney(usd('125000'), '0.13')).toEqual(usd('16250'));
    expect(multiplyMoney(usd('0.0000001'), '0.0000001').amount).toBe('0.00000000000001');
    expect(multiplyMoney(usd('99999999999999'), '1000').amount).toBe('99999999999999000');
  });

  it('refuses to mix currencies, as a rejected TradeError', () => {
    const eur = { amount: '1', currency: 'EUR' };
    for (const op of [
      () => addMoney(usd('1'), eur),
      () => subtractMoney(usd('1'), eur),
      () => compareMoney(usd('1'), eur),
      () => sumMoney([usd('1'), eur], 'USD'),
    ]) {
      expect(op).toThrow(TradeError);
      expect(op).toThrow(/USD and EUR|EUR and USD/);
      try {
        op();
      } catch (e) {
        expect((e as TradeError).kind).toBe('rejected');
        expect((e as TradeError).code).toBe('CURRENCY_MISMATCH');
      }
    }
  });

  it('refuses malformed amounts', () => {
    expect(() => addMoney(usd('1e2'), usd('1'))).toThrow(/not a plain decimal/);
    expect(() => multiplyMoney(usd('1'), 'abc')).toThrow(TradeError);
  });

  it('compares numerically', () => {
    expect(compareMoney(usd('1.50'), usd('1.5'))).toBe(0);
    expect(compareMoney(usd('-2'), usd('1'))).toBe(-1);
    expect(compareMoney(usd('10'), usd('9.99'))).toBe(1);
  });
});

describe('roundToMinor and formatAmount', () => {
  it('rounds half-up by default to the currency minor units', () => {
    expect(roundToMinor(usd('2.345'))).toEqual(usd('2.35'));
    expect(roundToMinor(usd('-2.345'))).toEqual(usd('-2.35'));
    expect(roundToMinor(usd('7'))).toEqual(usd('7.00'));
    expect(roundToMinor({ amount: '1234.567', currency: 'JPY' })).toEqual({
      amount: '1235',
      currency: 'JPY',
    });
    expect(roundToMinor({ amount: '1.2345', currency: 'KWD' }).amount).toBe('1.235');
    expect(roundToMinor({ amount: '1.23456', currency: 'CLF' }).amount).toBe('1.2346');
  });

  it('offers banker rounding for aggregates', () => {
    expect(roundToMinor(usd('2.345'), 'half-even').amount).toBe('2.34');
    expect(roundToMinor(usd('2.355'), 'half-even').amount).toBe('2.36');
    expect(roundToMinor({ amount: '2.5', currency: 'JPY' }, 'half-even').amount).toBe('2');
  });

  it('never writes a negative zero', () => {
    expect(roundToMinor(usd('-0.004')).amount).toBe('0.00');
  });

  it('formats with separators', () => {
    expect(formatAmount(usd('1234567.891'))).toBe('1234567.89');
    expect(formatAmount(usd('1234567.891'), { groupSeparator: ',' })).toBe('1,234,567.89');
    expect(formatAmount(usd('-1234.5'), { decimalSeparator: ',' })).toBe('-1234,50');
    expect(formatAmount({ amount: '1234567', currency: 'JPY' }, { groupSeparator: ',' })).toBe(
      '1,234,567',
    );
  });

  it('refuses an unknown currency when rounding', () => {
    expect(() => roundToMinor({ amount: '1', currency: 'XAU' })).toThrow(/unknown ISO 4217/);
  });
});
