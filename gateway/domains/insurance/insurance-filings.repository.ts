import { Injectable } from '@nestjs/common';
import type { Claim, InsurancePolicy } from '../../../core/model/documents/insurance.schema';
import type { Queryable } from '../../../core/storage/queryable';
import type { CreditLimitApplication } from '../../../connectors/insurer-sinosure';

export interface ApplicationRow {
  clientId: string;
  buyerName: string;
  applicationNo: string;
}

/** A declared invoice as a claim needs it: the notice filed, the policy and the buyer code. */
export interface NoticedInvoice {
  invoiceNo: string;
  policyNo: string;
  buyerName: string;
  buyerCode: string;
  lossNoticeNo: string | null;
  dueDate: string;
  invoiceAmount: { amount: string; currency: string };
  blNo: string;
}

const CLAIM = `client_id AS "clientId", claim_no AS "claimNo", policy_no AS "policyNo", notice_no AS "noticeNo",
  invoice_nos AS "invoiceNos", json_build_object('amount', claimed::text, 'currency', currency) AS "claimedAmount",
  indemnity_ratio AS "indemnityRatioPercent", json_build_object('amount', indemnity::text, 'currency', currency) AS "indemnityAmount",
  stage, filed_at AS "filedAt"`;

/** Buyer credit limit applications and claims filed with Sinosure through the operator API. */
@Injectable()
export class InsuranceFilingsRepository {
  /** An application keeps an approved limit in force until the decision (a raise, say). */
  async applied(db: Queryable, clientId: string, applicationNo: string, a: CreditLimitApplication) {
    await db.query(
      `INSERT INTO insurance_limits (client_id, buyer_name, policy_no, buyer_code, status, approved, currency, application_no, requested)
       VALUES ($1,$2,$3,'','APPLIED',0,$4,$5,$6)
       ON CONFLICT (client_id, buyer_name) DO UPDATE SET application_no = $5, requested = $6,
         status = CASE WHEN insurance_limits.status = 'APPROVED' THEN 'APPROVED' ELSE 'APPLIED' END`,
      [clientId, a.buyer.name, a.policyNo, a.requestedAmount.currency, applicationNo, a],
    );
  }

  async application(db: Queryable, applicationNo: string): Promise<ApplicationRow | undefined> {
    const { rows } = await db.query<ApplicationRow>(
      `SELECT client_id AS "clientId", buyer_name AS "buyerName", application_no AS "applicationNo"
         FROM insurance_limits WHERE application_no = $1`,
      [applicationNo],
    );
    return rows[0];
  }

  async decided(
    db: Queryable,
    row: ApplicationRow,
    d: { status: 'APPROVED' | 'REJECTED'; approved: string; currency: string; buyerCode: string },
  ) {
    await db.query(
      `UPDATE insurance_limits SET status = $3, approved = $4, currency = $5, buyer_code = $6
        WHERE client_id = $1 AND buyer_name = $2`,
      [row.clientId, row.buyerName, d.status, d.approved, d.currency, d.buyerCode],
    );
  }

  async noticed(
    db: Queryable,
    clientId: string,
    invoiceNo: string,
  ): Promise<NoticedInvoice | undefined> {
    const { rows } = await db.query<NoticedInvoice>(
      `SELECT invoice_no AS "invoiceNo", policy_no AS "policyNo", declaration->'buyer'->>'name' AS "buyerName",
          declaration->>'buyerCode' AS "buyerCode", loss_notice_no AS "lossNoticeNo",
          to_char(due_date, 'YYYY-MM-DD') AS "dueDate", declaration->'invoiceAmount' AS "invoiceAmount", bl_no AS "blNo"
         FROM insurance_declarations WHERE client_id = $1 AND invoice_no = $2 AND sent_at IS NOT NULL`,
      [clientId, invoiceNo],
    );
    return rows[0];
  }

  async policy(
    db: Queryable,
    clientId: string,
    policyNo: string,
  ): Promise<InsurancePolicy | undefined> {
    const { rows } = await db.query<{ policy: InsurancePolicy }>(
      'SELECT policy FROM insurance_policies WHERE client_id = $1 AND policy_no = $2',
      [clientId, policyNo],
    );
    return rows[0]?.policy;
  }

  async insertClaim(db: Queryable, clientId: string, c: Claim & { noticeNo: string }) {
    await db.query(
      `INSERT INTO insurance_claims (client_id, claim_no, policy_no, notice_no, invoice_nos, claimed, currency, indemnity_ratio, indemnity, stage)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        clientId,
        c.claimNo,
        c.policyNo,
        c.noticeNo,
        c.invoiceNos,
        c.claimedAmount.amount,
        c.claimedAmount.currency,
        c.indemnityRatioPercent,
        c.indemnityAmount?.amount,
        c.stage,
      ],
    );
  }

  async claimForNotice(db: Queryable, clientId: string, noticeNo: string) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT ${CLAIM} FROM insurance_claims WHERE client_id = $1 AND notice_no = $2`,
      [clientId, noticeNo],
    );
    return rows[0];
  }

  async claims(db: Queryable, clientId: string | null) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT ${CLAIM} FROM insurance_claims WHERE $1::text IS NULL OR client_id = $1 ORDER BY filed_at, claim_no`,
      [clientId],
    );
    return rows;
  }
}
