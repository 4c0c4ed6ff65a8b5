import { Injectable } from '@nestjs/common';
import type {
  InsurancePolicy,
  InsuranceShipmentDeclaration,
} from '../../../core/model/documents/insurance.schema';
import type { Queryable } from '../../../core/storage/queryable';

export interface InsuredInvoice {
  invoiceNo: string;
  buyerName: string;
  buyerCountry: string | null;
  amount: string;
  currency: string;
  paymentTerm: 'LC' | 'DP' | 'DA' | 'OA';
  creditDays: number;
}

export interface BuyerLimit {
  buyerName: string;
  policyNo: string;
  buyerCode: string;
  status: 'APPLIED' | 'APPROVED' | 'REJECTED';
  approved: string;
  used: string;
  currency: string;
}

@Injectable()
export class InsuranceRepository {
  async putPolicy(db: Queryable, clientId: string, p: InsurancePolicy) {
    await db.query(
      `INSERT INTO insurance_policies (client_id, policy_no, policy) VALUES ($1,$2,$3)
       ON CONFLICT (client_id, policy_no) DO UPDATE SET policy = EXCLUDED.policy`,
      [clientId, p.policyNo, p],
    );
  }

  /** The client's active policy covering `date`. */
  async policyOn(
    db: Queryable,
    clientId: string,
    date: string,
  ): Promise<InsurancePolicy | undefined> {
    const { rows } = await db.query<{ policy: InsurancePolicy }>(
      `SELECT policy FROM insurance_policies WHERE client_id = $1 AND policy->>'status' = 'ACTIVE'
         AND policy->>'periodStart' <= $2 AND policy->>'periodEnd' >= $2 LIMIT 1`,
      [clientId, date],
    );
    return rows[0]?.policy;
  }

  async putInvoice(db: Queryable, clientId: string, i: InsuredInvoice) {
    await db.query(
      `INSERT INTO insurance_invoices (client_id, invoice_no, buyer_name, buyer_country, amount, currency, payment_term, credit_days)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (client_id, invoice_no) DO NOTHING`,
      [
        clientId,
        i.invoiceNo,
        i.buyerName,
        i.buyerCountry,
        i.amount,
        i.currency,
        i.paymentTerm,
        i.creditDays,
      ],
    );
  }

  async invoice(
    db: Queryable,
    clientId: string,
    invoiceNo: string,
  ): Promise<InsuredInvoice | undefined> {
    const { rows } = await db.query<InsuredInvoice>(
      `SELECT invoice_no AS "invoiceNo", buyer_name AS "buyerName", buyer_country AS "buyerCountry",
          amount::text AS amount, currency, payment_term AS "paymentTerm", credit_days AS "creditDays"
         FROM insurance_invoices WHERE client_id = $1 AND invoice_no = $2`,
      [clientId, invoiceNo],
    );
    return rows[0];
  }

  async putLimit(db: Queryable, clientId: string, l: Omit<BuyerLimit, 'used'>) {
    await db.query(
      `INSERT INTO insurance_limits (client_id, buyer_name, policy_no, buyer_code, status, approved, currency)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (client_id, buyer_name) DO UPDATE SET policy_no = $3,
         buyer_code = $4, status = $5, approved = $6, currency = $7`,
      [clientId, l.buyerName, l.policyNo, l.buyerCode, l.status, l.approved, l.currency],
    );
  }

  async limitFor(
    db: Queryable,
    clientId: string,
    buyerName: string,
  ): Promise<BuyerLimit | undefined> {
    const { rows } = await db.query<BuyerLimit>(
      `SELECT buyer_name AS "buyerName", policy_no AS "policyNo", buyer_code AS "buyerCode", status,
          approved::text AS approved, used::text AS used, currency
         FROM insurance_limits WHERE client_id = $1 AND buyer_name = $2 FOR UPDATE`,
      [clientId, buyerName],
    );
    return rows[0];
  }

  async setUsed(db: Queryable, clientId: string, buyerName: string, used: string) {
    await db.query(
      'UPDATE insurance_limits SET used = $3 WHERE client_id = $1 AND buyer_name = $2',
      [clientId, buyerName, used],
    );
  }

  async declared(db: Queryable, clientId: string, invoiceNo: string): Promise<boolean> {
    const { rowCount } = await db.query(
      'SELECT 1 FROM insurance_declarations WHERE client_id = $1 AND invoice_no = $2',
      [clientId, invoiceNo],
    );
    return rowCount === 1;
  }

  async paid(db: Queryable, clientId: string, invoiceNo: string) {
    await db.query(
      'UPDATE insurance_declarations SET paid_at = now() WHERE client_id = $1 AND invoice_no = $2',
      [clientId, invoiceNo],
    );
  }

  /** Declared, unpaid and not yet reported: candidates for the notice of possible loss. */
  async unpaid(db: Queryable): Promise<
    Array<{
      clientId: string;
      invoiceNo: string;
      dueDate: string;
      declaration: InsuranceShipmentDeclaration;
    }>
  > {
    const { rows } = await db.query<{
      clientId: string;
      invoiceNo: string;
      dueDate: string;
      declaration: InsuranceShipmentDeclaration;
    }>(
      `SELECT client_id AS "clientId", invoice_no AS "invoiceNo", to_char(due_date, 'YYYY-MM-DD') AS "dueDate", declaration
         FROM insurance_declarations
        WHERE sent_at IS NOT NULL AND paid_at IS NULL AND loss_notice_no IS NULL ORDER BY due_date`,
    );
    return rows;
  }

  async reported(db: Queryable, clientId: string, invoiceNo: string, noticeNo: string) {
    await db.query(
      'UPDATE insurance_declarations SET loss_notice_no = $3 WHERE client_id = $1 AND invoice_no = $2',
      [clientId, invoiceNo, noticeNo],
    );
  }

  async declarations(db: Queryable, clientId: string | null) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT client_id AS "clientId", invoice_no AS "invoiceNo", bl_no AS "blNo", policy_no AS "policyNo",
          to_char(on_board_date, 'YYYY-MM-DD') AS "onBoardDate", to_char(deadline, 'YYYY-MM-DD') AS deadline,
          declaration, declaration_ref AS "declarationRef", sent_at AS "sentAt",
          (sent_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline AS "onTime",
          paid_at AS "paidAt", loss_notice_no AS "lossNoticeNo"
         FROM insurance_declarations WHERE $1::text IS NULL OR client_id = $1
         ORDER BY sent_at NULLS LAST, deadline, invoice_no`,
      [clientId],
    );
    return rows;
  }
}
