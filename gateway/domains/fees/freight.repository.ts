import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../../core/storage/queryable';
import type { Money } from '../../../core/model/values/money.schema';
import type { FreightSold } from './fees-events';
import type { FreightSale } from './rules/freight-margin';

export interface BoughtRow {
  carrier: string;
  invoiceNo: string;
  billed: Money;
  issueDate: string;
  occurredAt: string;
}

const SALE = `client_id AS "clientId", shipment_key AS "shipmentKey", sold_at AS "soldAt",
  json_build_object('amount', amount::text, 'currency', currency) AS sold, metered_ref AS "meteredRef"`;

/** Sold freight per client and shipment, and the carriers' bills (bought freight). */
@Injectable()
export class FreightRepository {
  /**
   * Serialises the work on these shipments across transactions and processes: a bill and a
   * sale of one shipment handled at once each see the other, so the margin is never missed.
   */
  async lockShipments(tx: Queryable, keys: readonly string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`fees:${key}`]);
    }
  }

  async sale(db: Queryable, clientId: string, key: string): Promise<FreightSale | undefined> {
    const { rows } = await db.query<FreightSale>(
      `SELECT ${SALE} FROM fees_freight_sales WHERE client_id = $1 AND shipment_key = $2 FOR UPDATE`,
      [clientId, key],
    );
    return rows[0];
  }

  /** Sales of these shipments (of one client when the bill is attributed to one). */
  async salesOf(db: Queryable, keys: readonly string[], clientId: string | null) {
    const { rows } = await db.query<FreightSale>(
      `SELECT ${SALE} FROM fees_freight_sales
        WHERE shipment_key = ANY($1) AND ($2::text IS NULL OR client_id = $2)
        ORDER BY client_id, shipment_key FOR UPDATE`,
      [keys, clientId],
    );
    return rows;
  }

  async putSale(db: Queryable, s: FreightSold): Promise<void> {
    await db.query(
      `INSERT INTO fees_freight_sales (client_id, shipment_key, carrier, bl_no, booking_no, amount, currency, sold_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (client_id, shipment_key) DO UPDATE
         SET amount = $6, currency = $7, sold_at = $8, updated_at = now()`,
      [
        s.clientId,
        s.shipmentKey,
        s.carrier,
        s.blNo ?? null,
        s.bookingNo ?? null,
        s.sold.amount,
        s.sold.currency,
        s.soldAt,
      ],
    );
  }

  async markSaleMetered(db: Queryable, clientId: string, key: string, ref: string) {
    await db.query(
      `UPDATE fees_freight_sales SET metered_ref = $3 WHERE client_id = $1 AND shipment_key = $2 AND metered_ref IS NULL`,
      [clientId, key, ref],
    );
  }

  /** False when the carrier's bill was recorded already (a redelivery or a replay). */
  async insertBought(
    db: Queryable,
    b: BoughtRow & { clientId: string | null; keys: string[]; envelopeId: string },
  ): Promise<boolean> {
    const { rowCount } = await db.query(
      `INSERT INTO fees_freight_bought (carrier, invoice_no, client_id, shipment_keys, amount, currency, issue_date, occurred_at, envelope_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (carrier, invoice_no) DO NOTHING`,
      [
        b.carrier,
        b.invoiceNo,
        b.clientId,
        b.keys,
        b.billed.amount,
        b.billed.currency,
        b.issueDate,
        b.occurredAt,
        b.envelopeId,
      ],
    );
    return rowCount === 1;
  }

  /** The shipment's bills no margin line counted yet, of the client or of no client. */
  async uncounted(db: Queryable, key: string, clientId: string): Promise<BoughtRow[]> {
    const { rows } = await db.query<BoughtRow>(
      `SELECT carrier, invoice_no AS "invoiceNo", to_char(issue_date, 'YYYY-MM-DD') AS "issueDate",
          occurred_at AS "occurredAt", json_build_object('amount', amount::text, 'currency', currency) AS billed
         FROM fees_freight_bought
        WHERE $1 = ANY(shipment_keys) AND (client_id IS NULL OR client_id = $2) AND metered_ref IS NULL
        ORDER BY occurred_at, invoice_no FOR UPDATE`,
      [key, clientId],
    );
    return rows;
  }

  async markBought(
    db: Queryable,
    rows: readonly { carrier: string; invoiceNo: string }[],
    meteredRef: string | null,
    pending: string | null,
  ) {
    for (const r of rows) {
      await db.query(
        'UPDATE fees_freight_bought SET metered_ref = $3, pending = $4 WHERE carrier = $1 AND invoice_no = $2',
        [r.carrier, r.invoiceNo, meteredRef, pending],
      );
    }
  }

  /** A client's sales with the bills found for each, counted or pending. */
  async list(db: Queryable, clientId: string) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT s.shipment_key AS "shipmentKey", s.carrier, s.bl_no AS "blNo", s.booking_no AS "bookingNo",
          json_build_object('amount', s.amount::text, 'currency', s.currency) AS sold, s.sold_at AS "soldAt",
          s.metered_ref AS "meteredRef",
          COALESCE((SELECT json_agg(json_build_object('invoiceNo', b.invoice_no,
              'billed', json_build_object('amount', b.amount::text, 'currency', b.currency),
              'meteredRef', b.metered_ref, 'pending', b.pending) ORDER BY b.occurred_at, b.invoice_no)
             FROM fees_freight_bought b
            WHERE s.shipment_key = ANY(b.shipment_keys) AND (b.client_id IS NULL OR b.client_id = s.client_id)), '[]') AS bought
         FROM fees_freight_sales s WHERE s.client_id = $1 ORDER BY s.sold_at, s.shipment_key`,
      [clientId],
    );
    return rows;
  }
}
