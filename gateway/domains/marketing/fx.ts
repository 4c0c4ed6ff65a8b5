import { UnprocessableEntityException } from '@nestjs/common';
import Decimal from 'decimal.js';
import type { Queryable } from '../../../core/storage/queryable';

/**
 * Converts amounts into a reporting currency with the settlement rate in force on a day (the
 * latest rate dated on or before it). A missing rate is refused, not guessed.
 */
export class FxConverter {
  private readonly cache = new Map<string, Decimal>();

  constructor(
    private readonly db: Queryable,
    readonly reporting: string,
  ) {}

  async convert(amount: string, currency: string, day: string): Promise<Decimal> {
    if (currency === this.reporting) return new Decimal(amount);
    return new Decimal(amount).times(await this.rate(currency, day));
  }

  private async rate(currency: string, day: string): Promise<Decimal> {
    const key = `${currency}:${day}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { rows } = await this.db.query<{ rate: string }>(
      `SELECT rate::text AS rate FROM marketing_fx_rates
        WHERE currency = $1 AND quote_currency = $2 AND rate_date <= $3::date
        ORDER BY rate_date DESC LIMIT 1`,
      [currency, this.reporting, day],
    );
    if (!rows[0])
      throw new UnprocessableEntityException(
        `no ${currency}/${this.reporting} rate on or before ${day}`,
      );
    const rate = new Decimal(rows[0].rate);
    this.cache.set(key, rate);
    return rate;
  }
}

/** Amounts in the reporting currency as answered: 2 decimals (4 for ratios). */
export const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
export const ratio = (d: Decimal) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
