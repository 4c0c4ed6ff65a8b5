import { z } from 'zod';
import { CURRENCY_CODES } from './currency.codes';
import { DecimalStringSchema } from './decimal.schema';

export const CurrencyCodeSchema = z
  .enum(CURRENCY_CODES, { error: 'must be an active ISO 4217 alphabetic currency code, e.g. USD' })
  .meta({ description: 'ISO 4217 alphabetic code (CNH is not ISO: map it to CNY)' });
export type CurrencyCode = z.infer<typeof CurrencyCodeSchema>;

/** Money is a decimal string plus an ISO 4217 code, never a float. */
export const MoneySchema = z.strictObject({
  amount: DecimalStringSchema,
  currency: CurrencyCodeSchema,
});
export type Money = z.infer<typeof MoneySchema>;

/** Money that may not be negative (prices, invoice totals, LC amounts). */
export const PositiveMoneySchema = MoneySchema.refine((m) => !m.amount.startsWith('-'), {
  error: 'amount must not be negative',
  path: ['amount'],
});
