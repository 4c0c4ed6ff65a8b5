import { Injectable } from '@nestjs/common';
import type { FinancingDecision } from '../../../core/model/documents/financing.schema';
import type { Queryable } from '../../../core/storage/queryable';

export interface LoanRow {
  clientId: string;
  financingNo: string;
  invoiceNos: string[];
  amount: string;
  currency: string;
  status: 'DRAWN' | 'REPAID';
}

const LOAN = `client_id AS "clientId", financing_no AS "financingNo", invoice_nos AS "invoiceNos",
  amount::text AS amount, currency, status, fee_percent AS "feePercent",
  to_char(drawn_on, 'YYYY-MM-DD') AS "drawnOn", to_char(maturity_date, 'YYYY-MM-DD') AS "maturityDate", repaid_at AS "repaidAt"`;

@Injectable()
export class LoanRepository {
  /** Records a drawn loan once per financing number (a redelivered decision changes nothing). */
  async drawn(
    db: Queryable,
    clientId: string,
    d: FinancingDecision & { disbursedAmount: { amount: string; currency: string } },
  ) {
    await db.query(
      `INSERT INTO financing_loans (client_id, financing_no, invoice_nos, amount, currency, fee_percent, drawn_on, maturity_date, status, decision)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'DRAWN',$9) ON CONFLICT (client_id, financing_no) DO NOTHING`,
      [
        clientId,
        d.financingNo,
        d.underlying?.invoiceNos ?? [],
        d.disbursedAmount.amount,
        d.disbursedAmount.currency,
        d.feePercent ?? null,
        d.disbursementDate ?? d.decidedAt.slice(0, 10),
        d.maturityDate ?? null,
        d,
      ],
    );
  }

  /** Marks the drawn loans against these invoices repaid; returns them. */
  async repay(db: Queryable, clientId: string, invoiceNos: readonly string[]): Promise<LoanRow[]> {
    const { rows } = await db.query<LoanRow>(
      `UPDATE financing_loans SET status = 'REPAID', repaid_at = now()
        WHERE client_id = $1 AND status = 'DRAWN' AND invoice_nos && $2::text[] RETURNING ${LOAN}`,
      [clientId, invoiceNos],
    );
    return rows;
  }

  async list(db: Queryable, clientId: string | null): Promise<LoanRow[]> {
    const { rows } = await db.query<LoanRow>(
      `SELECT ${LOAN} FROM financing_loans WHERE $1::text IS NULL OR client_id = $1 ORDER BY drawn_on, financing_no`,
      [clientId],
    );
    return rows;
  }
}
