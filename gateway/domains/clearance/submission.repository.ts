import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { DeclarationReceipt } from '../../../core/model/documents/customs-declaration.schema';
import { isFinal } from '../../../connectors/customs-single-window';

/** A customs message filed by TradeHub (table clearance_submissions). */
export interface SubmissionRow {
  guid: string;
  recordGuids: string[];
  messageId: string;
  messageType: string;
  partnerId: string;
  clientId: string | null;
  fileName: string;
  lastStatus?: string | null;
  lastOutcome?: string | null;
  final: boolean;
}

const COLUMNS = `guid, record_guids AS "recordGuids", message_id AS "messageId",
  message_type AS "messageType", partner_id AS "partnerId", client_id AS "clientId",
  file_name AS "fileName", last_status AS "lastStatus", last_outcome AS "lastOutcome", final`;

@Injectable()
export class SubmissionRepository {
  async insert(tx: PoolClient, s: SubmissionRow): Promise<void> {
    await tx.query(
      `INSERT INTO clearance_submissions (guid, record_guids, message_id, message_type, partner_id,
         client_id, file_name) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [s.guid, s.recordGuids, s.messageId, s.messageType, s.partnerId, s.clientId, s.fileName],
    );
  }

  /**
   * Follows the submission a receipt answers (by message guid or record guid), locked: its last
   * receipt, and final once customs has decided. A DxpRep only says the exchange took the file,
   * and a receipt after the final one changes nothing. Returns the submission and whether this
   * receipt made it final.
   */
  async track(
    tx: PoolClient,
    r: DeclarationReceipt,
  ): Promise<{ submission: SubmissionRow; finalNow: boolean } | undefined> {
    if (!r.guid) return undefined;
    const { rows } = await tx.query<SubmissionRow>(
      `SELECT ${COLUMNS} FROM clearance_submissions WHERE guid = $1 OR record_guids @> ARRAY[$1::text]
        ORDER BY created_at LIMIT 1 FOR UPDATE`,
      [r.guid],
    );
    const submission = rows[0];
    if (!submission || submission.final) return submission && { submission, finalNow: false };
    if (r.outcome === 'PROCESSING' && submission.lastStatus) return { submission, finalNow: false };
    // Released, closed, rejected, returned, error: customs says nothing more (connector rule).
    const finalNow = isFinal(r);
    await tx.query(
      `UPDATE clearance_submissions SET last_status = $2, last_outcome = $3, final = $4,
         updated_at = now() WHERE guid = $1`,
      [submission.guid, r.returnStatus, r.outcome, finalNow],
    );
    return {
      submission: { ...submission, lastStatus: r.returnStatus, lastOutcome: r.outcome },
      finalNow,
    };
  }
}
