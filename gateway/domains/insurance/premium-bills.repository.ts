import { Injectable } from '@nestjs/common';
import type { PremiumBill } from '../../../connectors/insurer-sinosure';
import type { Queryable } from '../../../core/storage/queryable';
import type {
  BillToPay,
  DeclaredPremium,
  PremiumPayment,
  Reconciliation,
} from './rules/premium-bill';

/** Premium bills as fetched from Sinosure, one per client, policy and period (YYYYMM). */
@Injectable()
export class PremiumBillsRepository {
  /**
   * The (client, policy) pairs with shipment declarations sent in the period (China time);
   * `unbilled`: only those whose bill for the period is not stored yet.
   */
  async policiesDeclaredIn(db: Queryable, period: string, unbilled = false) {
    const { rows } = await db.query<{ clientId: string; policyNo: string }>(
      `SELECT DISTINCT d.client_id AS "clientId", d.policy_no AS "policyNo" FROM insurance_declarations d
        WHERE d.sent_at IS NOT NULL AND to_char(d.sent_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') = $1
          AND NOT ($2 AND EXISTS (SELECT 1 FROM insurance_premium_bills b
                WHERE b.client_id = d.client_id AND b.policy_no = d.policy_no AND b.period = $1))
        ORDER BY 1, 2`,
      [period, unbilled],
    );
    return rows;
  }

  async declaredPremiums(
    db: Queryable,
    clientId: string,
    policyNo: string,
    period: string,
  ): Promise<DeclaredPremium[]> {
    const { rows } = await db.query<DeclaredPremium>(
      `SELECT invoice_no AS "invoiceNo", declaration_ref AS "declarationRef", declaration->'premium' AS premium
         FROM insurance_declarations
        WHERE client_id = $1 AND policy_no = $2 AND sent_at IS NOT NULL
          AND to_char(sent_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') = $3
        ORDER BY invoice_no`,
      [clientId, policyNo, period],
    );
    return rows.map((r) => ({
      invoiceNo: r.invoiceNo,
      ...(r.declarationRef ? { declarationRef: r.declarationRef } : {}),
      ...(r.premium ? { premium: r.premium } : {}),
    }));
  }

  /** A re-fetched bill (Sinosure corrected it) replaces the stored one. */
  async put(db: Queryable, clientId: string, bill: PremiumBill, r: Reconciliation) {
    await db.query(
      `INSERT INTO insurance_premium_bills (client_id, policy_no, period, bill_no, bill, reconciliation, flagged)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (client_id, policy_no, period)
       DO UPDATE SET bill_no = $4, bill = $5, reconciliation = $6, flagged = $7, fetched_at = now()`,
      [clientId, bill.policyNo, bill.period, bill.billNo, bill, r, r.flagged],
    );
  }

  async list(db: Queryable, scope: string | null, period?: string) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT client_id AS "clientId", policy_no AS "policyNo", period, bill_no AS "billNo",
          bill->'total' AS total, to_char((bill->>'dueDate')::date, 'YYYY-MM-DD') AS "dueDate",
          flagged, reconciliation, fetched_at AS "fetchedAt", state, paid_at AS "paidAt",
          paid_amount AS "paidAmount", payment_ref AS "paymentRef", paid_by AS "paidBy"
         FROM insurance_premium_bills
        WHERE ($1::text IS NULL OR client_id = $1) AND ($2::text IS NULL OR period = $2)
        ORDER BY period, client_id, policy_no`,
      [scope, period ?? null],
    );
    return rows;
  }

  /** Bills not paid yet (of one client, or of all when `scope` is null), locked. */
  async unpaid(db: Queryable, scope: string | null, billNo?: string): Promise<BillToPay[]> {
    const { rows } = await db.query<BillToPay>(
      `SELECT client_id AS "clientId", policy_no AS "policyNo", period, bill_no AS "billNo",
          bill->'total' AS total, state FROM insurance_premium_bills
        WHERE ($1::text IS NULL OR client_id = $1) AND ($2::text IS NULL OR bill_no = $2)
          AND ($2::text IS NOT NULL OR state = 'BILLED')
        ORDER BY period, bill_no FOR UPDATE`,
      [scope, billNo ?? null],
    );
    return rows;
  }

  /** billed -> paid; false when it was paid already. */
  async markPaid(db: Queryable, bill: BillToPay, p: PremiumPayment): Promise<boolean> {
    const { rowCount } = await db.query(
      `UPDATE insurance_premium_bills SET state = 'PAID', paid_at = $4, paid_amount = $5, payment_ref = $6, paid_by = $7
        WHERE client_id = $1 AND policy_no = $2 AND period = $3 AND state = 'BILLED'`,
      [bill.clientId, bill.policyNo, bill.period, p.paidAt, p.amount, p.paymentRef, p.paidBy],
    );
    return rowCount === 1;
  }
}
