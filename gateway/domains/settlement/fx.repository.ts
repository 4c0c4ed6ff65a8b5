import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Queryable } from '../../../core/storage/queryable';
import type { ForwardTerms } from './rules/fx-forward';
import type { FxSettlementQuote } from './rules/fx-settlement';

export interface ForwardRow extends ForwardTerms {
  id: string;
  clientId: string | null;
  dealNo: string;
  valueDate: string;
  valueDateTo: string | null;
  gainLoss: string;
  status: 'OPEN' | 'SETTLED';
  /** The rate the platform gave the client, when it booked the forward for it (else null). */
  clientRate: string | null;
}

const FORWARD = `id, client_id AS "clientId", deal_no AS "dealNo", direction,
  json_build_object('amount', amount::text, 'currency', currency) AS amount, quote_currency AS "quoteCurrency",
  rate::text AS rate, drawn::text AS drawn, to_char(value_date, 'YYYY-MM-DD') AS "valueDate",
  to_char(value_date_to, 'YYYY-MM-DD') AS "valueDateTo", gain_loss::text AS "gainLoss", status,
  client_rate::text AS "clientRate"`;

@Injectable()
export class FxRepository {
  /** The rate of `base` in `quote` on `date`, or the latest before it. */
  async rateOn(
    db: Queryable,
    base: string,
    quote: string,
    date: string,
  ): Promise<string | undefined> {
    const { rows } = await db.query<{ rate: string }>(
      `SELECT rate::text AS rate FROM settlement_fx_rates WHERE base = $1 AND quote = $2 AND rate_date <= $3
        ORDER BY rate_date DESC LIMIT 1`,
      [base, quote, date],
    );
    return rows[0]?.rate;
  }

  async putRates(
    db: Queryable,
    rates: Array<{ base: string; quote: string; date: string; rate: string }>,
    source: string,
  ) {
    await db.query(
      `INSERT INTO settlement_fx_rates (base, quote, rate_date, rate, source)
       SELECT base, quote, date::date, rate::numeric, $2 FROM jsonb_to_recordset($1::jsonb)
         AS t(base text, quote text, date text, rate text)
       ON CONFLICT (base, quote, rate_date) DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source`,
      [JSON.stringify(rates), source],
    );
  }

  async insertForward(
    tx: Queryable,
    f: Omit<ForwardRow, 'drawn' | 'gainLoss' | 'status'> & { clientKey: string; contract: unknown },
  ): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO settlement_forwards (id, client_key, client_id, deal_no, direction, currency, amount,
         quote_currency, rate, value_date, value_date_to, status, contract, client_rate)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'OPEN',$12,$13) ON CONFLICT (client_key, deal_no) DO NOTHING`,
      [
        f.id,
        f.clientKey,
        f.clientId,
        f.dealNo,
        f.direction,
        f.amount.currency,
        f.amount.amount,
        f.quoteCurrency,
        f.rate,
        f.valueDate,
        f.valueDateTo,
        f.contract,
        f.clientRate,
      ],
    );
    return rowCount === 1;
  }

  /** Open forwards of a client in a currency whose delivery window has opened by `date`. */
  async lockDeliverable(
    tx: PoolClient,
    clientKey: string,
    currency: string,
    date: string,
  ): Promise<ForwardRow[]> {
    const { rows } = await tx.query<ForwardRow>(
      `SELECT ${FORWARD} FROM settlement_forwards
        WHERE client_key = $1 AND currency = $2 AND status = 'OPEN' AND direction = 'SELL_FX' AND value_date <= $3
        ORDER BY value_date, created_at FOR UPDATE`,
      [clientKey, currency, date],
    );
    return rows;
  }

  async lockForward(tx: PoolClient, id: string): Promise<ForwardRow | undefined> {
    const { rows } = await tx.query<ForwardRow>(
      `SELECT ${FORWARD} FROM settlement_forwards WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async recordDelivery(
    tx: Queryable,
    d: {
      id: string;
      forwardId: string;
      paymentId: string | null;
      delivered: string;
      atForward: string;
      spotRate: string | null;
      atSpot: string | null;
      gainLoss: string | null;
      settles: boolean;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO settlement_forward_deliveries (id, forward_id, payment_id, delivered, at_forward, spot_rate, at_spot, gain_loss)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [d.id, d.forwardId, d.paymentId, d.delivered, d.atForward, d.spotRate, d.atSpot, d.gainLoss],
    );
    await tx.query(
      `UPDATE settlement_forwards SET drawn = drawn + $2::numeric, gain_loss = gain_loss + COALESCE($3::numeric, 0),
         status = CASE WHEN $4 OR drawn + $2::numeric >= amount THEN 'SETTLED' ELSE status END, updated_at = now()
       WHERE id = $1`,
      [d.forwardId, d.delivered, d.gainLoss, d.settles],
    );
  }

  async forwards(db: Queryable, clientKey: string | null, status?: string): Promise<ForwardRow[]> {
    const { rows } = await db.query<ForwardRow>(
      `SELECT ${FORWARD} FROM settlement_forwards WHERE ($1::text IS NULL OR client_key = $1)
         AND ($2::text IS NULL OR status = $2) ORDER BY value_date, deal_no LIMIT 500`,
      [clientKey, status ?? null],
    );
    return rows;
  }

  async insertSettlement(
    db: Queryable,
    s: {
      id: string;
      clientKey: string;
      clientId: string | null;
      paymentId: string | null;
      quote: FxSettlementQuote;
      clientRate: string | null;
      settledAt: string | null;
    },
  ): Promise<void> {
    const q = s.quote;
    await db.query(
      `INSERT INTO settlement_fx_settlements (id, client_key, client_id, payment_id, foreign_currency, foreign_amount,
         bank_rate, reference_rate, cny_amount, spread_bps, spread_cost, client_rate, settled_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,COALESCE($13::timestamptz, now()))`,
      [
        s.id,
        s.clientKey,
        s.clientId,
        s.paymentId,
        q.foreign.currency,
        q.foreign.amount,
        q.bankRate,
        q.referenceRate,
        q.cny.amount,
        q.spreadBps,
        q.spreadCost.amount,
        s.clientRate,
        s.settledAt,
      ],
    );
  }

  async settlements(db: Queryable, clientKey: string | null) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT id, client_id AS "clientId", payment_id AS "paymentId", foreign_currency AS "foreignCurrency",
         foreign_amount::text AS "foreignAmount", bank_rate::text AS "bankRate", reference_rate::text AS "referenceRate",
         cny_amount::text AS "cnyAmount", spread_bps::text AS "spreadBps", spread_cost::text AS "spreadCost", client_rate::text AS "clientRate",
         to_json(settled_at) #>> '{}' AS "settledAt"
         FROM settlement_fx_settlements WHERE ($1::text IS NULL OR client_key = $1) ORDER BY settled_at DESC LIMIT 500`,
      [clientKey],
    );
    return rows;
  }
}
