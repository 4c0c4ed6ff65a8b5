import type { PoolClient } from 'pg';
import type { ReceiptTotals, StockDelta, StockQuantities, StockSnapshotLine } from './rules/stock';
import type { Queryable } from '../../../core/storage/queryable';

/** One SKU in one warehouse of one client ('' = no client). */
export interface StockKey {
  clientKey: string;
  provider: string;
  warehouseCode: string;
  sku: string;
}

export interface StockRow extends StockKey, StockQuantities {
  clientId: string | null;
  partnerId: string;
  snapshot: StockSnapshotLine | null;
  low: boolean;
  updatedAt: string;
}

const KEY = 'client_key = $1 AND provider = $2 AND warehouse_code = $3';
const keyParams = (k: StockKey) => [k.clientKey, k.provider, k.warehouseCode];
const COLUMNS = `client_key AS "clientKey", provider, warehouse_code AS "warehouseCode", sku,
  client_id AS "clientId", partner_id AS "partnerId", snapshot, available, reserved, inbound,
  unfulfillable, low, to_json(updated_at) #>> '{}' AS "updatedAt"`;

export class StockRepository {
  /** Creates the row if new and locks it until the transaction ends. */
  async ensure(tx: PoolClient, k: StockKey, owner: { clientId: string | null; partnerId: string }) {
    await tx.query(
      `INSERT INTO logistics_stock (client_key, provider, warehouse_code, sku, client_id, partner_id)
       VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
      [...keyParams(k), k.sku, owner.clientId, owner.partnerId],
    );
    return this.lock(tx, k);
  }

  async lock(tx: PoolClient, k: StockKey): Promise<StockRow> {
    const { rows } = await tx.query<StockRow>(
      `SELECT ${COLUMNS} FROM logistics_stock WHERE ${KEY} AND sku = $4 FOR UPDATE`,
      [...keyParams(k), k.sku],
    );
    return rows[0];
  }

  async setSnapshot(tx: PoolClient, k: StockKey, snapshot: StockSnapshotLine): Promise<void> {
    await tx.query(
      `UPDATE logistics_stock SET snapshot = $5, snapshot_at = $6 WHERE ${KEY} AND sku = $4`,
      [...keyParams(k), k.sku, snapshot, snapshot.snapshotAt],
    );
  }

  /** Records a movement once per business key; false when it was seen already. */
  async addMovement(
    tx: PoolClient,
    k: StockKey,
    d: StockDelta,
    envelopeId: string,
  ): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO logistics_stock_movements (client_key, provider, warehouse_code, key, sku, occurred_at,
         available, unfulfillable, envelope_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT DO NOTHING`,
      [...keyParams(k), d.key, d.sku, d.occurredAt, d.available, d.unfulfillable, envelopeId],
    );
    return rowCount === 1;
  }

  async movements(tx: PoolClient, k: StockKey): Promise<StockDelta[]> {
    const { rows } = await tx.query<StockDelta>(
      `SELECT key, sku, to_json(occurred_at) #>> '{}' AS "occurredAt", available, unfulfillable
       FROM logistics_stock_movements WHERE ${KEY} AND sku = $4`,
      [...keyParams(k), k.sku],
    );
    return rows;
  }

  async setLevel(tx: PoolClient, k: StockKey, level: StockQuantities, low: boolean): Promise<void> {
    await tx.query(
      `UPDATE logistics_stock SET available = $5, reserved = $6, inbound = $7, unfulfillable = $8,
         low = $9, updated_at = now() WHERE ${KEY} AND sku = $4`,
      [
        ...keyParams(k),
        k.sku,
        level.available,
        level.reserved,
        level.inbound,
        level.unfulfillable,
        low,
      ],
    );
  }

  /** The receipt totals seen so far for an inbound's SKU, locked; then raised to `now`. */
  async exchangeReceipt(tx: PoolClient, k: StockKey, asnNo: string, now: ReceiptTotals) {
    await tx.query(
      `INSERT INTO logistics_inbound_receipts (client_key, provider, asn_no, sku, received, damaged)
       VALUES ($1,$2,$3,$4,0,0) ON CONFLICT DO NOTHING`,
      [k.clientKey, k.provider, asnNo, k.sku],
    );
    const { rows } = await tx.query<ReceiptTotals>(
      `SELECT received, damaged FROM logistics_inbound_receipts
       WHERE client_key = $1 AND provider = $2 AND asn_no = $3 AND sku = $4 FOR UPDATE`,
      [k.clientKey, k.provider, asnNo, k.sku],
    );
    await tx.query(
      `UPDATE logistics_inbound_receipts SET received = GREATEST(received, $5), damaged = GREATEST(damaged, $6)
       WHERE client_key = $1 AND provider = $2 AND asn_no = $3 AND sku = $4`,
      [k.clientKey, k.provider, asnNo, k.sku, now.received, now.damaged],
    );
    return rows[0];
  }

  /** The SKU's threshold in this warehouse, else its threshold for every warehouse. */
  async threshold(db: Queryable, k: StockKey): Promise<number | undefined> {
    const { rows } = await db.query<{ threshold: number }>(
      `SELECT threshold FROM logistics_stock_thresholds
       WHERE client_key = $1 AND sku = $2 AND warehouse_key IN ($3, '*')
       ORDER BY warehouse_key = '*' LIMIT 1`,
      [k.clientKey, k.sku, k.warehouseCode],
    );
    return rows[0]?.threshold;
  }

  async setThreshold(
    tx: PoolClient,
    clientKey: string,
    sku: string,
    warehouseKey: string,
    threshold: number,
  ) {
    await tx.query(
      `INSERT INTO logistics_stock_thresholds (client_key, sku, warehouse_key, threshold) VALUES ($1,$2,$3,$4)
       ON CONFLICT (client_key, sku, warehouse_key) DO UPDATE SET threshold = $4, updated_at = now()`,
      [clientKey, sku, warehouseKey, threshold],
    );
  }

  /** Rows of a SKU a threshold applies to (one warehouse or all). */
  async keysOfSku(tx: PoolClient, clientKey: string, sku: string, warehouseCode?: string) {
    const { rows } = await tx.query<StockKey>(
      `SELECT client_key AS "clientKey", provider, warehouse_code AS "warehouseCode", sku FROM logistics_stock
       WHERE client_key = $1 AND sku = $2 AND ($3::text IS NULL OR warehouse_code = $3)`,
      [clientKey, sku, warehouseCode ?? null],
    );
    return rows;
  }

  async list(db: Queryable, filter: { clientId?: string; warehouse?: string; sku?: string }) {
    const { rows } = await db.query<StockRow & { threshold: number | null }>(
      `SELECT ${COLUMNS}, to_json(snapshot_at) #>> '{}' AS "snapshotAt", (
         SELECT threshold FROM logistics_stock_thresholds t WHERE t.client_key = s.client_key AND t.sku = s.sku
           AND t.warehouse_key IN (s.warehouse_code, '*') ORDER BY t.warehouse_key = '*' LIMIT 1) AS threshold
       FROM logistics_stock s
       WHERE ($1::text IS NULL OR client_id = $1) AND ($2::text IS NULL OR warehouse_code = $2)
         AND ($3::text IS NULL OR sku = $3)
       ORDER BY warehouse_code, sku LIMIT 1000`,
      [filter.clientId ?? null, filter.warehouse ?? null, filter.sku ?? null],
    );
    return rows;
  }
}
