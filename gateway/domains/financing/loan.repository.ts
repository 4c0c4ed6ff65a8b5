import { Injectable } from '@nestjs/common';
import type { FinancingDecision } from '../../../core/model/documents/financing.schema';
import type { Money } from '../../../core/model/values/money.schema';
import type { Queryable } from '../../../core/storage/queryable';

export interface LoanRow {
  clientId: string;
  financingNo: string;
  invoiceNos: string[];
  amount: string;
  currency: string;
  status: 'DRAWN' | 'PARTIALLY_REPAID' | 'REPAID';
  rebateClaimNo: string | null;
  /** What is still owed; null for loans repaid whole by the buyer's payment. */
  outstanding: string | null;
}

/** An advance on a rebate claim, as the financing controller decided it. */
export interface RebateAdvanceDraw {
  financingNo: string;
  claimNo: string;
  amount: Money;
  feePercent?: string;
  drawnOn: string;
  decision: FinancingDecision;
}

const LOAN = `client_id AS "clientId", financing_no AS "financingNo", invoice_nos AS "invoiceNos",
  amount::text AS amount, currency, status, fee_percent AS "feePercent",
  to_char(drawn_on, 'YYYY-MM-DD') AS "drawnOn", to_char(maturity_date, 'YYYY-MM-DD') AS "maturityDate", repaid_at AS "repaidAt",
  rebate_claim_no AS "rebateClaimNo", outstanding::text AS outstanding`;

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

  /** Draws the advance; false when the claim (or the financing number) has one already. */
  async drawRebateAdvance(db: Queryable, clientId: string, a: RebateAdvanceDraw): Promise<boolean> {
    const { rowCount } = await db.query(
      `INSERT INTO financing_loans (client_id, financing_no, amount, currency, fee_percent, drawn_on,
         status, decision, rebate_claim_no, outstanding)
       VALUES ($1,$2,$3,$4,$5,$6,'DRAWN',$7,$8,$3) ON CONFLICT DO NOTHING`,
      [
        clientId,
        a.financingNo,
        a.amount.amount,
        a.amount.currency,
        a.feePercent ?? null,
        a.drawnOn,
        a.decision,
        a.claimNo,
      ],
    );
    return rowCount === 1;
  }

  async byRebateClaim(db: Queryable, clientId: string, claimNo: string) {
    const { rows } = await db.query<LoanRow>(
      `SELECT ${LOAN} FROM financing_loans WHERE client_id = $1 AND rebate_claim_no = $2`,
      [clientId, claimNo],
    );
    return rows[0];
  }

  /** Locks the claim's advance while no refund has been applied to it; undefined otherwise. */
  async lockUnrefunded(db: Queryable, clientId: string, claimNo: string) {
    const { rows } = await db.query<LoanRow>(
      `SELECT ${LOAN} FROM financing_loans
        WHERE client_id = $1 AND rebate_claim_no = $2 AND refund_applied_at IS NULL FOR UPDATE`,
      [clientId, claimNo],
    );
    return rows[0];
  }

  /** The refund applied: what is left outstanding, REPAID when nothing is. */
  async refundApplied(db: Queryable, clientId: string, financingNo: string, outstanding: string) {
    await db.query(
      `UPDATE financing_loans SET outstanding = $3, refund_applied_at = now(),
          status = CASE WHEN $3::numeric = 0 THEN 'REPAID' ELSE 'PARTIALLY_REPAID' END,
          repaid_at = CASE WHEN $3::numeric = 0 THEN now() END
        WHERE client_id = $1 AND financing_no = $2`,
      [clientId, financingNo, outstanding],
    );
  }

  async list(db: Queryable, clientId: string | null): Promise<LoanRow[]> {
    const { rows } = await db.query<LoanRow>(
      `SELECT ${LOAN} FROM financing_loans WHERE $1::text IS NULL OR client_id = $1 ORDER BY drawn_on, financing_no`,
      [clientId],
    );
    return rows;
  }
}
