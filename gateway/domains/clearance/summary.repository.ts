import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { ExportDeclaration } from '../../../core/model/documents/customs-declaration.schema';
import type { Queryable } from '../../../core/storage/queryable';

/** A CEB701 summary declaration of a client's period (table clearance_summaries). */
export interface SummaryRow {
  id: string;
  clientKey: string;
  clientId: string | null;
  periodStart: string;
  periodEnd: string;
  copNo: string;
  inventoryNos: string[];
  submissionGuid: string | null;
  recordGuid: string | null;
  state: string;
  createdAt?: string;
}

/** A list a summary sums: its order and consignor, for the summary's events. */
export interface SummedList {
  orderNo: string;
  declaration: ExportDeclaration;
}

const COLUMNS = `id, client_key AS "clientKey", client_id AS "clientId",
  to_json(period_start) #>> '{}' AS "periodStart", to_json(period_end) #>> '{}' AS "periodEnd",
  cop_no AS "copNo", inventory_nos AS "inventoryNos", submission_guid AS "submissionGuid",
  record_guid AS "recordGuid", state, to_json(created_at) #>> '{}' AS "createdAt"`;

/** A summary's state from its CEB702/792 receipts' outcome. */
const SUMMARY_STATE: Readonly<Record<string, string>> = {
  PROCESSING: 'DECLARED',
  ENTERED: 'ENTERED',
  RELEASED: 'RELEASED',
  CLOSED: 'RELEASED',
  REJECTED: 'REJECTED',
  ERROR: 'REJECTED',
};

@Injectable()
export class SummaryRepository {
  async byPeriod(db: Queryable, clientKey: string, start: string, end: string) {
    const { rows } = await db.query<SummaryRow>(
      `SELECT ${COLUMNS} FROM clearance_summaries
        WHERE client_key = $1 AND period_start = $2 AND period_end = $3`,
      [clientKey, start, end],
    );
    return rows[0];
  }

  /** Released 9610 lists of the period, numbered by customs and not summed yet, locked. */
  async lockUnsummarised(tx: PoolClient, clientKey: string, start: string, end: string) {
    const { rows } = await tx.query<{
      id: string;
      state: string;
      orderNo: string;
      inventoryNo: string;
      declaration: ExportDeclaration;
    }>(
      `SELECT id, state, order_no AS "orderNo", inventory_no AS "inventoryNo", declaration
         FROM clearance_declarations
        WHERE client_key = $1 AND supervision_mode = '9610' AND state IN ('RELEASED', 'CLOSED')
          AND inventory_no IS NOT NULL AND summary_id IS NULL
          AND state_at >= $2 AND state_at < $3
        ORDER BY state_at, id FOR UPDATE`,
      [clientKey, start, end],
    );
    return rows;
  }

  /**
   * Moves the summary a receipt answers (by message or record guid) to what customs says:
   * forward only, a refusal is final. Returns the summary and the state it had, or undefined
   * when no summary has that guid.
   */
  async applyReceipt(
    tx: PoolClient,
    guid: string,
    outcome: string,
  ): Promise<{ summary: SummaryRow; previous: string } | undefined> {
    const state = SUMMARY_STATE[outcome];
    const { rows } = await tx.query<SummaryRow & { previous: string }>(
      `WITH old AS (
         SELECT id AS old_id, state AS previous FROM clearance_summaries
          WHERE submission_guid = $1 OR record_guid = $1 LIMIT 1 FOR UPDATE)
       UPDATE clearance_summaries SET state = CASE
          WHEN $2::text IS NULL OR state IN ('RELEASED', 'REJECTED') THEN state
          WHEN state = 'ENTERED' AND $2 = 'DECLARED' THEN state ELSE $2 END
         FROM old WHERE id = old.old_id
       RETURNING ${COLUMNS}, old.previous`,
      [guid, state ?? null],
    );
    if (!rows[0]) return undefined;
    const { previous, ...summary } = rows[0];
    return { summary, previous };
  }

  /** The lists a summary sums, oldest release first. */
  async lists(db: Queryable, summaryId: string): Promise<SummedList[]> {
    const { rows } = await db.query<SummedList>(
      `SELECT order_no AS "orderNo", declaration FROM clearance_declarations
        WHERE summary_id = $1 ORDER BY state_at, id`,
      [summaryId],
    );
    return rows;
  }

  /** Clients (null for platform rows) with released 9610 lists of the period not summed yet. */
  async clientsToSummarise(
    db: Queryable,
    period: { periodStart: string; periodEnd: string },
  ): Promise<Array<string | null>> {
    const { rows } = await db.query<{ clientId: string | null }>(
      `SELECT DISTINCT client_key, client_id AS "clientId" FROM clearance_declarations
        WHERE supervision_mode = '9610' AND state IN ('RELEASED', 'CLOSED')
          AND inventory_no IS NOT NULL AND summary_id IS NULL
          AND state_at >= $1 AND state_at < $2
        ORDER BY client_key`,
      [period.periodStart, period.periodEnd],
    );
    return rows.map((r) => r.clientId);
  }

  async insert(tx: PoolClient, s: SummaryRow, declarationIds: string[]): Promise<void> {
    await tx.query(
      `INSERT INTO clearance_summaries (id, client_key, client_id, period_start, period_end, cop_no,
         inventory_nos, submission_guid, record_guid, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        s.id,
        s.clientKey,
        s.clientId,
        s.periodStart,
        s.periodEnd,
        s.copNo,
        JSON.stringify(s.inventoryNos),
        s.submissionGuid,
        s.recordGuid,
        s.state,
      ],
    );
    await tx.query('UPDATE clearance_declarations SET summary_id = $1 WHERE id = ANY($2::uuid[])', [
      s.id,
      declarationIds,
    ]);
  }

  async list(db: Queryable, clientKey: string | undefined): Promise<SummaryRow[]> {
    const { rows } = await db.query<SummaryRow>(
      `SELECT ${COLUMNS} FROM clearance_summaries WHERE ($1::text IS NULL OR client_key = $1)
        ORDER BY period_start DESC LIMIT 200`,
      [clientKey ?? null],
    );
    return rows;
  }
}
