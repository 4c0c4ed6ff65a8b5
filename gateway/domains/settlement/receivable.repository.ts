import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Queryable } from '../../../core/storage/queryable';
import type { OpenReceivable } from './rules/payment-matching';

export interface ReceivableInput {
  id: string;
  clientKey: string;
  clientId: string | null;
  invoiceNo: string;
  orderNos: string[];
  buyerName?: string;
  currency: string;
  amount: string;
  dueDate?: string;
  envelopeId: string;
  issuedAt: string;
}

const OPEN_COLUMNS = `id, invoice_no AS "invoiceNo", order_nos AS "orderNos", buyer_name AS "buyerName",
  currency, open_amount::text AS "openAmount", to_char(due_date, 'YYYY-MM-DD') AS "dueDate"`;

@Injectable()
export class ReceivableRepository {
  /** A new invoice opens a receivable; a re-issued one updates what nothing has paid yet. */
  async upsert(tx: Queryable, r: ReceivableInput): Promise<void> {
    await tx.query(
      `INSERT INTO settlement_receivables (id, client_key, client_id, invoice_no, order_nos, buyer_name,
         currency, amount, open_amount, due_date, status, envelope_id, issued_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8,$9,'OPEN',$10,$11)
       ON CONFLICT (client_key, invoice_no) DO UPDATE SET order_nos = EXCLUDED.order_nos,
         buyer_name = EXCLUDED.buyer_name, currency = EXCLUDED.currency, amount = EXCLUDED.amount,
         open_amount = EXCLUDED.amount, due_date = EXCLUDED.due_date, envelope_id = EXCLUDED.envelope_id,
         issued_at = EXCLUDED.issued_at, updated_at = now()
       WHERE settlement_receivables.status = 'OPEN' AND settlement_receivables.open_amount = settlement_receivables.amount`,
      [
        r.id,
        r.clientKey,
        r.clientId,
        r.invoiceNo,
        r.orderNos,
        r.buyerName ?? null,
        r.currency,
        r.amount,
        r.dueDate ?? null,
        r.envelopeId,
        r.issuedAt,
      ],
    );
  }

  /** The client's receivables still open, locked so concurrent payments apply one at a time. */
  async lockOpen(tx: PoolClient, clientKey: string): Promise<OpenReceivable[]> {
    const { rows } = await tx.query<
      OpenReceivable & { buyerName: string | null; dueDate: string | null }
    >(
      `SELECT ${OPEN_COLUMNS} FROM settlement_receivables
        WHERE client_key = $1 AND status <> 'PAID' ORDER BY due_date NULLS LAST, invoice_no FOR UPDATE`,
      [clientKey],
    );
    return rows.map((r) => ({
      ...r,
      buyerName: r.buyerName ?? undefined,
      dueDate: r.dueDate ?? undefined,
    }));
  }

  async apply(tx: Queryable, id: string, amount: string): Promise<void> {
    await tx.query(
      `UPDATE settlement_receivables SET open_amount = GREATEST(open_amount - $2::numeric, 0),
         status = CASE WHEN open_amount - $2::numeric <= 0 THEN 'PAID' ELSE 'PARTIALLY_PAID' END,
         updated_at = now()
       WHERE id = $1`,
      [id, amount],
    );
  }

  async list(db: Queryable, clientKey: string | null, status?: string) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT id, client_id AS "clientId", invoice_no AS "invoiceNo", order_nos AS "orderNos",
         buyer_name AS "buyerName", currency, amount::text AS amount, open_amount::text AS "openAmount",
         to_char(due_date, 'YYYY-MM-DD') AS "dueDate", status
         FROM settlement_receivables
        WHERE ($1::text IS NULL OR client_key = $1) AND ($2::text IS NULL OR status = $2)
        ORDER BY due_date NULLS LAST, invoice_no LIMIT 500`,
      [clientKey, status ?? null],
    );
    return rows;
  }
}
