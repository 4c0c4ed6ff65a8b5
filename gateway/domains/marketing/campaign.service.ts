import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import type { Pool } from 'pg';
import type { Principal } from '../../auth/principal';
import { staffOperator } from '../../auth/client-scope';
import { PG_POOL } from '../../infra/tokens';
import { FxConverter, money, ratio } from './fx';
import { actingClientKey, scopeOf } from './marketing-access';
import {
  CampaignSchema,
  FxRatesSchema,
  PerformanceQuerySchema,
  SpendImportSchema,
  parseOr400,
} from './marketing.schemas';
import { SpendCsvError, parseSpendCsv } from './rules/ad-spend-csv';

interface CampaignRow {
  client_key: string;
  platform: string;
  campaign_id: string;
  name: string;
  promotion_ids: string[];
  utm_campaign: string | null;
}

/**
 * Campaigns: their attribution keys (promotion ids, UTM campaign), daily ad spend imported from
 * TikTok and Google Ads exports, and per campaign the attributed orders, revenue, ROAS and
 * cost per order in a reporting currency. Also the settlement FX rates reports convert with.
 */
@Injectable()
export class CampaignService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async putRates(principal: Principal, body: unknown) {
    // One rate table converts every client's revenue: a client key may not write it.
    staffOperator(principal, 'FX rates');
    const { rates } = parseOr400(FxRatesSchema, body);
    await this.pool.query(
      `INSERT INTO marketing_fx_rates (currency, quote_currency, rate_date, rate)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(currency text, "quoteCurrency" text, "rateDate" date, rate numeric)
       ON CONFLICT (currency, quote_currency, rate_date) DO UPDATE SET rate = EXCLUDED.rate`,
      [JSON.stringify(rates)],
    );
    return { stored: rates.length };
  }

  async putCampaign(principal: Principal, body: unknown) {
    const c = parseOr400(CampaignSchema, body);
    const clientKey = actingClientKey(principal, c.clientId);
    await this.pool.query(
      `INSERT INTO marketing_campaigns (client_key, platform, campaign_id, client_id, name, promotion_ids, utm_campaign)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (client_key, platform, campaign_id) DO UPDATE SET name = EXCLUDED.name,
         promotion_ids = EXCLUDED.promotion_ids, utm_campaign = EXCLUDED.utm_campaign`,
      [
        clientKey,
        c.platform,
        c.campaignId,
        clientKey || null,
        c.name,
        c.promotionIds,
        c.utmCampaign ?? null,
      ],
    );
    return { ...c, clientId: clientKey || null };
  }

  /** Replaces the spend of each (campaign, day) the export lists; new campaigns are created by name. */
  async importSpend(principal: Principal, body: unknown) {
    const s = parseOr400(SpendImportSchema, body);
    const clientKey = actingClientKey(principal, s.clientId);
    let rows;
    try {
      rows = parseSpendCsv(s.platform, s.csv, s.accountCurrency);
    } catch (err) {
      if (err instanceof SpendCsvError)
        throw new BadRequestException(`${s.platform} export: ${err.message}`);
      throw err;
    }
    await this.pool.query(
      `WITH r AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS t("campaignId" text, "campaignName" text, day date,
                    currency text, spend numeric, impressions bigint, clicks bigint)),
       c AS (INSERT INTO marketing_campaigns (client_key, platform, campaign_id, client_id, name)
             SELECT DISTINCT ON ("campaignId") $1, $2, "campaignId", NULLIF($1, ''), "campaignName" FROM r
             ON CONFLICT DO NOTHING)
       INSERT INTO marketing_ad_spend (client_key, platform, campaign_id, day, currency, spend, impressions, clicks)
       SELECT $1, $2, "campaignId", day, currency, spend, impressions, clicks FROM r
       ON CONFLICT (client_key, platform, campaign_id, day) DO UPDATE SET currency = EXCLUDED.currency,
         spend = EXCLUDED.spend, impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks`,
      [clientKey, s.platform, JSON.stringify(rows)],
    );
    return {
      platform: s.platform,
      rows: rows.length,
      campaigns: new Set(rows.map((r) => r.campaignId)).size,
    };
  }

  async performance(principal: Principal, query: unknown) {
    const q = parseOr400(PerformanceQuerySchema, query);
    const scope = scopeOf(principal, q.clientId);
    const fx = new FxConverter(this.pool, q.currency);
    const campaigns = await this.pool.query<CampaignRow>(
      `SELECT * FROM marketing_campaigns WHERE ($1::text IS NULL OR client_key = $1) ORDER BY platform, campaign_id`,
      [scope],
    );
    const out = [];
    for (const c of campaigns.rows) {
      const spend = await this.spendOf(c, q.from, q.to, fx);
      const { orders, revenue } = await this.attributed(c, q.from, q.to, fx);
      out.push({
        platform: c.platform,
        campaignId: c.campaign_id,
        name: c.name,
        spend: money(spend),
        orders,
        revenue: money(revenue),
        roas: spend.isZero() ? null : ratio(revenue.div(spend)),
        costPerOrder: orders === 0 ? null : money(spend.div(orders)),
      });
    }
    return { from: q.from, to: q.to, currency: q.currency, campaigns: out };
  }

  private async spendOf(
    c: CampaignRow,
    from: string,
    to: string,
    fx: FxConverter,
  ): Promise<Decimal> {
    const { rows } = await this.pool.query<{ day: string; currency: string; spend: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, currency, spend::text AS spend FROM marketing_ad_spend
        WHERE client_key = $1 AND platform = $2 AND campaign_id = $3 AND day BETWEEN $4::date AND $5::date`,
      [c.client_key, c.platform, c.campaign_id, from, to],
    );
    let total = new Decimal(0);
    for (const r of rows) total = total.plus(await fx.convert(r.spend, r.currency, r.day));
    return total;
  }

  /** Orders of the campaign's client naming one of its promotions or its UTM campaign. */
  private async attributed(c: CampaignRow, from: string, to: string, fx: FxConverter) {
    const { rows } = await this.pool.query<{ day: string; currency: string; value: string }>(
      `SELECT to_char(order_day, 'YYYY-MM-DD') AS day, currency, goods_value::text AS value FROM marketing_orders
        WHERE client_key = $1 AND order_day BETWEEN $2::date AND $3::date
          AND status NOT IN ('CANCELLED', 'RETURNED')
          AND (promotion_ids && $4::text[] OR ($5::text IS NOT NULL AND utm_campaign = $5))`,
      [c.client_key, from, to, c.promotion_ids, c.utm_campaign],
    );
    let revenue = new Decimal(0);
    for (const r of rows) revenue = revenue.plus(await fx.convert(r.value, r.currency, r.day));
    return { orders: rows.length, revenue };
  }
}
