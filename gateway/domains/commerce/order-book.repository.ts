import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import { advisoryLockKey } from '../../../core/storage/advisory-lock';
import { prepared } from '../../../core/storage/prepared';

const UPSERT_ORDERS = prepared(
  `INSERT INTO commerce_orders (order_no, seller_key, client_id, status, currency, total_amount, order_date, sales_order, envelope_id, updated_at)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(order_no text, seller_key text, client_id text, status text,
    currency text, total_amount numeric, order_date timestamptz, sales_order jsonb, envelope_id uuid, updated_at timestamptz)
  ON CONFLICT (seller_key, order_no) DO UPDATE SET status = EXCLUDED.status, currency = EXCLUDED.currency,
    total_amount = EXCLUDED.total_amount, sales_order = EXCLUDED.sales_order, envelope_id = EXCLUDED.envelope_id,
    client_id = COALESCE(EXCLUDED.client_id, commerce_orders.client_id), updated_at = EXCLUDED.updated_at`,
);

const STORED_ORDERS = prepared(
  `SELECT seller_key, sales_order, updated_at FROM commerce_orders
  WHERE (seller_key, order_no) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
);

const LOCK_ORDERS = prepared(
  'SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k',
);

export interface StoredOrder {
  order: SalesOrder;
  updatedAt: string;
}

export interface OrderRow {
  sellerKey: string;
  order: SalesOrder;
  clientId: string | null;
  envelopeId: string;
  updatedAt: string;
}

/** `commerce_orders`: the order book, one row per seller and order number. */
@Injectable()
export class OrderBookRepository {
  /**
   * Locks the orders (by key, stored or not yet) for the transaction and reads those stored.
   * Two batches holding versions of one order merge one after the other, never both from the
   * same stored state (a status-only version would otherwise drop the other's amounts).
   */
  async lock(tx: PoolClient, keys: OrderKey[]): Promise<Map<string, StoredOrder>> {
    const locks = [...new Set(keys.map((k) => advisoryLockKey(`commerce-order:${orderKey(k)}`)))];
    // In one order for every transaction, so two locking overlapping sets cannot deadlock.
    locks.sort();
    await tx.query({ ...LOCK_ORDERS, values: [locks] });
    const { rows } = await tx.query<{
      seller_key: string;
      sales_order: SalesOrder;
      updated_at: Date;
    }>({ ...STORED_ORDERS, values: [keys.map((k) => k.sellerKey), keys.map((k) => k.orderNo)] });
    return new Map(
      rows.map((r) => [
        orderKey({ sellerKey: r.seller_key, orderNo: r.sales_order.orderNo }),
        { order: r.sales_order, updatedAt: r.updated_at.toISOString() },
      ]),
    );
  }

  async upsert(tx: PoolClient, rows: OrderRow[]): Promise<void> {
    if (rows.length === 0) return;
    const records = rows.map((r) => ({
      order_no: r.order.orderNo,
      seller_key: r.sellerKey,
      client_id: r.clientId,
      status: r.order.status,
      currency: r.order.currency,
      total_amount: r.order.totalAmount.amount,
      order_date: r.order.orderDate,
      sales_order: r.order,
      envelope_id: r.envelopeId,
      updated_at: r.updatedAt,
    }));
    await tx.query({ ...UPSERT_ORDERS, values: [JSON.stringify(records)] });
  }
}

/** Order numbers are unique per seller (a shop, or an exporter's ERP), not globally. */
export interface OrderKey {
  sellerKey: string;
  orderNo: string;
}

export const orderKey = (k: OrderKey) => `${k.sellerKey}\u0000${k.orderNo}`;
