import { Injectable } from '@nestjs/common';
import type { PaymentReceived } from '../../../core/model/documents/banking-payment.schema';
import type { Queryable } from '../../../core/storage/queryable';
import type { Allocation } from './rules/payment-matching';

export interface PaymentRow {
  id: string;
  clientId: string | null;
  partnerId: string;
  paymentRef: string;
  valueDate: string;
  currency: string;
  amount: string;
  payerName: string | null;
  status: 'MATCHED' | 'UNMATCHED';
  method: string | null;
  reason: string | null;
  unapplied: string | null;
  payment: PaymentReceived;
}

const COLUMNS = `id, client_id AS "clientId", partner_id AS "partnerId", payment_ref AS "paymentRef",
  to_char(value_date, 'YYYY-MM-DD') AS "valueDate", currency, amount::text AS amount,
  payer_name AS "payerName", status, method, reason, unapplied::text AS unapplied, payment`;

@Injectable()
export class PaymentRepository {
  /** Records a payment once per envelope; false when it was recorded before. */
  async insert(
    tx: Queryable,
    p: {
      id: string;
      clientKey: string;
      clientId: string | null;
      partnerId: string;
      payment: PaymentReceived;
    },
  ): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO settlement_payments (id, client_key, client_id, partner_id, payment_ref, value_date,
         currency, amount, payer_name, status, payment)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'UNMATCHED',$10) ON CONFLICT (id) DO NOTHING`,
      [
        p.id,
        p.clientKey,
        p.clientId,
        p.partnerId,
        p.payment.paymentRef,
        p.payment.valueDate,
        p.payment.amount.currency,
        p.payment.amount.amount,
        p.payment.payer?.name ?? null,
        p.payment,
      ],
    );
    return rowCount === 1;
  }

  async setOutcome(
    tx: Queryable,
    id: string,
    outcome: {
      status: 'MATCHED' | 'UNMATCHED';
      method?: string;
      reason?: string;
      unapplied?: string;
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE settlement_payments SET status = $2, method = $3, reason = $4, unapplied = $5, updated_at = now()
        WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.method ?? null,
        outcome.reason ?? null,
        outcome.unapplied ?? null,
      ],
    );
  }

  async allocate(tx: Queryable, paymentId: string, a: Allocation, by: string): Promise<void> {
    await tx.query(
      `INSERT INTO settlement_allocations (payment_id, receivable_id, amount, currency, charges, settled, allocated_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [
        paymentId,
        a.receivableId,
        a.amount.amount,
        a.amount.currency,
        a.chargesAbsorbed?.amount ?? null,
        a.settled,
        by,
      ],
    );
  }

  async lock(tx: Queryable, id: string): Promise<PaymentRow | undefined> {
    const { rows } = await tx.query<PaymentRow>(
      `SELECT ${COLUMNS} FROM settlement_payments WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async get(db: Queryable, id: string): Promise<PaymentRow | undefined> {
    const { rows } = await db.query<PaymentRow>(
      `SELECT ${COLUMNS} FROM settlement_payments WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async list(db: Queryable, clientKey: string | null, status?: string): Promise<PaymentRow[]> {
    const { rows } = await db.query<PaymentRow>(
      `SELECT ${COLUMNS} FROM settlement_payments
        WHERE ($1::text IS NULL OR client_key = $1) AND ($2::text IS NULL OR status = $2)
        ORDER BY received_at DESC LIMIT 500`,
      [clientKey, status ?? null],
    );
    return rows;
  }

  async allocations(db: Queryable, paymentId: string) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT r.invoice_no AS "invoiceNo", a.amount::text AS amount, a.currency, a.charges::text AS charges,
         a.settled, a.allocated_by AS "allocatedBy"
         FROM settlement_allocations a JOIN settlement_receivables r ON r.id = a.receivable_id
        WHERE a.payment_id = $1 ORDER BY a.created_at, r.invoice_no`,
      [paymentId],
    );
    return rows;
  }
}
