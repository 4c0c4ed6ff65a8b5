import { Injectable } from '@nestjs/common';
import type { Money } from '../../../core/model/values/money.schema';
import type { Queryable } from '../../../core/storage/queryable';

export interface ClaimRow {
  clientId: string;
  claimNo: string;
  declarationNo: string;
  readyAt: string | null;
  expectedRefund: Money | null;
  refundAmount: Money | null;
  refundDate: string | null;
}

const CLAIM = `client_id AS "clientId", claim_no AS "claimNo", declaration_no AS "declarationNo",
  ready_at AS "readyAt",
  CASE WHEN expected_refund IS NULL THEN NULL
       ELSE json_build_object('amount', expected_refund::text, 'currency', currency) END AS "expectedRefund",
  CASE WHEN refund_amount IS NULL THEN NULL
       ELSE json_build_object('amount', refund_amount::text, 'currency', currency) END AS "refundAmount",
  to_char(refund_date, 'YYYY-MM-DD') AS "refundDate"`;

/** Rebate claims, one per declaration: ready once, refunded once. */
@Injectable()
export class ClaimRepository {
  /** Marks the declaration's claim ready with its expected refund; undefined when it was already. */
  async markReady(
    db: Queryable,
    clientId: string,
    declarationNo: string,
    expected: Money,
  ): Promise<ClaimRow | undefined> {
    const { rows } = await db.query<ClaimRow>(
      `UPDATE rebate_claims SET ready_at = now(), expected_refund = $3, currency = $4
        WHERE client_id = $1 AND declaration_no = $2 AND ready_at IS NULL RETURNING ${CLAIM}`,
      [clientId, declarationNo, expected.amount, expected.currency],
    );
    return rows[0];
  }

  /** Records the bureau's refund on a ready claim; undefined when it was refunded already. */
  async recordRefund(
    db: Queryable,
    clientId: string,
    claimNo: string,
    refund: { amount: string; refundDate: string; reference?: string },
  ): Promise<ClaimRow | undefined> {
    const { rows } = await db.query<ClaimRow>(
      `UPDATE rebate_claims SET refund_amount = $3, refund_date = $4, refund_reference = $5
        WHERE client_id = $1 AND claim_no = $2 AND ready_at IS NOT NULL AND refund_amount IS NULL
        RETURNING ${CLAIM}`,
      [clientId, claimNo, refund.amount, refund.refundDate, refund.reference ?? null],
    );
    return rows[0];
  }

  /** The claim as the principal's scope sees it (null scope: any client's). */
  async get(db: Queryable, claimNo: string, scope: string | null): Promise<ClaimRow | undefined> {
    const { rows } = await db.query<ClaimRow>(
      `SELECT ${CLAIM} FROM rebate_claims WHERE claim_no = $1 AND ($2::text IS NULL OR client_id = $2)
        ORDER BY client_id LIMIT 1`,
      [claimNo, scope],
    );
    return rows[0];
  }

  async list(db: Queryable, scope: string | null): Promise<ClaimRow[]> {
    const { rows } = await db.query<ClaimRow>(
      `SELECT ${CLAIM} FROM rebate_claims WHERE $1::text IS NULL OR client_id = $1
        ORDER BY ready_at NULLS LAST, claim_no`,
      [scope],
    );
    return rows;
  }
}
