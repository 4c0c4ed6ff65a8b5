import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Queryable } from '../../../core/storage/queryable';
import type { OrderKey } from './order-book.repository';

/** A kind of downstream work of an order, or an operator task raised for one. */
export type WorkKind =
  | 'fulfilment'
  | 'shipment-booking'
  | 'cancelled'
  | 'returned'
  | 'cancel-fulfilment'
  | 'cancel-shipment-booking';

export interface WorkRecord {
  kind: WorkKind;
  outcome: 'sent' | 'published' | 'task';
  partnerId?: string | null;
  messageId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
  doneAt?: string | null;
}

export interface WorkClaim extends OrderKey, WorkRecord {
  clientId: string | null;
  envelopeId: string;
}

/** `commerce_order_work`: what each order caused, at most one row per order and kind. */
@Injectable()
export class OrderWorkRepository {
  async done(tx: PoolClient, key: OrderKey): Promise<Map<WorkKind, WorkRecord>> {
    const { rows } = await tx.query<{
      kind: WorkKind;
      outcome: WorkRecord['outcome'];
      partner_id: string | null;
      message_id: string | null;
      reason: string | null;
      detail: Record<string, unknown>;
      done_at: Date | null;
    }>(
      `SELECT kind, outcome, partner_id, message_id, reason, detail, done_at
         FROM commerce_order_work WHERE seller_key = $1 AND order_no = $2`,
      [key.sellerKey, key.orderNo],
    );
    return new Map(
      rows.map((r) => [
        r.kind,
        {
          kind: r.kind,
          outcome: r.outcome,
          partnerId: r.partner_id,
          messageId: r.message_id,
          reason: r.reason,
          detail: r.detail,
          doneAt: r.done_at?.toISOString() ?? null,
        },
      ]),
    );
  }

  /** Records the work; false when the order already has work of this kind (nothing written). */
  async claim(tx: PoolClient, w: WorkClaim): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO commerce_order_work (seller_key, order_no, kind, client_id, outcome, partner_id,
         message_id, reason, detail, envelope_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (seller_key, order_no, kind) DO NOTHING`,
      [
        w.sellerKey,
        w.orderNo,
        w.kind,
        w.clientId,
        w.outcome,
        w.partnerId ?? null,
        w.messageId ?? null,
        w.reason ?? null,
        JSON.stringify(w.detail ?? {}),
        w.envelopeId,
      ],
    );
    return rowCount === 1;
  }

  /** Closes an open operator task, saying why (the order it was for was cancelled). */
  async closeTask(tx: PoolClient, key: OrderKey, kind: WorkKind, why: string): Promise<void> {
    await tx.query(
      `UPDATE commerce_order_work SET done_at = now(), reason = coalesce(reason || ' / ', '') || $4
        WHERE seller_key = $1 AND order_no = $2 AND kind = $3 AND outcome = 'task' AND done_at IS NULL`,
      [key.sellerKey, key.orderNo, kind, why],
    );
  }

  /** Open operator tasks of a client (all for null), oldest first. */
  async openTasks(db: Queryable, clientId: string | null): Promise<OpenTask[]> {
    const { rows } = await db.query<OpenTask>(
      `SELECT ${TASK_COLUMNS} FROM commerce_order_work
        WHERE outcome = 'task' AND done_at IS NULL AND ($1::text IS NULL OR client_id = $1)
        ORDER BY created_at LIMIT 500`,
      [clientId],
    );
    return rows;
  }

  /**
   * Marks an open operator task done, appending the operator's note to its reason; the task
   * as it now is, or undefined when there is none open.
   */
  async finishTask(
    db: Queryable,
    task: OrderKey & { kind: string },
    note: string | undefined,
  ): Promise<OpenTask | undefined> {
    const { rows } = await db.query<OpenTask>(
      `UPDATE commerce_order_work SET done_at = now(),
              reason = CASE WHEN $4::text IS NULL THEN reason ELSE reason || ' / ' || $4 END
        WHERE seller_key = $1 AND order_no = $2 AND kind = $3 AND outcome = 'task' AND done_at IS NULL
        RETURNING ${TASK_COLUMNS}`,
      [task.sellerKey, task.orderNo, task.kind, note ?? null],
    );
    return rows[0];
  }

  async openTask(db: Queryable, task: OrderKey & { kind: string }): Promise<OpenTask | undefined> {
    const { rows } = await db.query<OpenTask>(
      `SELECT ${TASK_COLUMNS} FROM commerce_order_work
        WHERE seller_key = $1 AND order_no = $2 AND kind = $3 AND outcome = 'task' AND done_at IS NULL`,
      [task.sellerKey, task.orderNo, task.kind],
    );
    return rows[0];
  }
}

const TASK_COLUMNS = `seller_key AS "sellerKey", order_no AS "orderNo", kind, client_id AS "clientId",
  partner_id AS "partnerId", reason, detail, created_at AS "createdAt"`;

export interface OpenTask extends OrderKey {
  kind: WorkKind;
  clientId: string | null;
  partnerId: string | null;
  reason: string;
  detail: Record<string, unknown>;
  createdAt: Date;
}
