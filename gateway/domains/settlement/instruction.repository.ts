import { Injectable } from '@nestjs/common';
import type { PaymentInstruction } from '../../../core/model/documents/banking-payment.schema';
import type { Queryable } from '../../../core/storage/queryable';

export type InstructionStatus =
  'SENT' | 'ACCEPTED' | 'SETTLED' | 'PENDING' | 'PARTIAL' | 'REJECTED';

@Injectable()
export class InstructionRepository {
  /** One row per credit transfer; false when the instruction was sent before. */
  async insert(
    tx: Queryable,
    i: {
      clientKey: string;
      clientId: string | null;
      partnerId: string;
      outboundId: string;
      instruction: PaymentInstruction;
    },
  ): Promise<boolean> {
    const rows = i.instruction.transactions.map((t) => ({
      end_to_end_id: t.endToEndId,
      currency: t.amount.currency,
      amount: t.amount.amount,
      creditor_name: t.creditor.name,
    }));
    const { rowCount } = await tx.query(
      `INSERT INTO settlement_instructions (end_to_end_id, message_id, client_key, client_id, partner_id, outbound_id,
         currency, amount, creditor_name, status)
       SELECT t.end_to_end_id, $2, $3, $4, $5, $6, t.currency, t.amount::numeric, t.creditor_name, 'SENT'
         FROM jsonb_to_recordset($1::jsonb) AS t(end_to_end_id text, currency text, amount text, creditor_name text)
       ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(rows),
        i.instruction.messageId,
        i.clientKey,
        i.clientId,
        i.partnerId,
        i.outboundId,
      ],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Sets what a status report says of one transaction of an instruction the partner was sent. */
  async setStatus(
    tx: Queryable,
    s: {
      partnerId: string;
      messageId: string;
      endToEndId: string;
      status: InstructionStatus;
      code?: string;
      reasons?: unknown;
    },
  ): Promise<number> {
    const { rowCount } = await tx.query(
      `UPDATE settlement_instructions SET status = $4, status_code = $5, reasons = $6, updated_at = now()
        WHERE partner_id = $1 AND message_id = $2 AND end_to_end_id = $3
          -- a settled or rejected transfer never goes back to an earlier status (late reports)
          AND status NOT IN ('SETTLED', 'REJECTED')`,
      [
        s.partnerId,
        s.messageId,
        s.endToEndId,
        s.status,
        s.code ?? null,
        s.reasons ? JSON.stringify(s.reasons) : null,
      ],
    );
    return rowCount ?? 0;
  }

  async list(db: Queryable, clientKey: string | null) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT message_id AS "messageId", end_to_end_id AS "endToEndId", client_id AS "clientId",
         partner_id AS "partnerId", outbound_id AS "outboundId", currency, amount::text AS amount,
         creditor_name AS "creditorName", status, status_code AS "statusCode", reasons
         FROM settlement_instructions WHERE ($1::text IS NULL OR client_key = $1)
        ORDER BY created_at DESC, end_to_end_id LIMIT 500`,
      [clientKey],
    );
    return rows;
  }
}
