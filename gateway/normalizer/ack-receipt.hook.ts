import type { PoolClient } from 'pg';
import { TradeError, type InputLocation, type Stage } from '../../core/errors/trade-error';
import type { MessageRow } from '../../core/storage/message.repository';
import {
  ackReason,
  readAckReceipt,
  type AckReceipt,
} from '../../mappings/acknowledgements/ack-receipt';
import type { Translation } from '../../mappings/pipeline/translate';

/** A received 997 or CONTRL, decoded in the normalizer's batch. */
export interface ReceivedAck {
  message: MessageRow;
  translation: Translation;
}

/** What became of it: an issue (the ack message fails) or the messages it settled. */
export type AckSettlement =
  | { issue: { stage: Stage; kind: string; message: string; location?: InputLocation } }
  | { detail: Record<string, unknown> };

interface Answer {
  ack: ReceivedAck;
  receipt: AckReceipt;
  target?: { id: string; messageType: string | null };
}

// Our own acknowledgements share the partner's counter with the messages they answer, so they
// are never what a partner's acknowledgement is about.
const ACK_TYPES = ['997', '999', 'TA1', 'CONTRL', 'APERAK'];

const WHAT: Record<AckReceipt['ackType'], string> = {
  '997': 'group control number (AK102)',
  '999': 'group control number (AK102)',
  TA1: 'interchange control number (TA101)',
  CONTRL: 'interchange control reference (UCI 0020)',
  APERAK: 'message reference (RFF ACW)',
};

function readAll(ack: ReceivedAck): AckReceipt[] | AckSettlement {
  try {
    return ack.translation.messages.map((m) => readAckReceipt(m.decoded));
  } catch (err) {
    const e = TradeError.from(err, 'mapping', 'map');
    return {
      issue: { stage: e.stage ?? 'map', kind: e.kind, message: e.message, location: e.location },
    };
  }
}

/**
 * Settles partners' acknowledgements of our outbound messages, in the normalizer's transaction:
 * each 997/CONTRL is read (pure), the outbound message it answers is found by partner, format
 * and partner_ref, and that message moves to `acknowledged` or `rejected-by-partner` with the
 * partner's error codes as reason. An acknowledgement answering nothing fails with the reason.
 * Applying the same acknowledgement twice (a replay) adds nothing to the history.
 */
export class AckReceiptHook {
  async settle(tx: PoolClient, acks: ReceivedAck[]): Promise<Map<string, AckSettlement>> {
    const settled = new Map<string, AckSettlement>();
    const answers: Answer[] = [];
    for (const ack of acks) {
      const read = readAll(ack);
      if (Array.isArray(read)) answers.push(...read.map((receipt) => ({ ack, receipt })));
      else settled.set(ack.message.id, read);
    }
    await this.findTargets(tx, answers);
    await this.apply(
      tx,
      answers.filter((a) => a.target),
    );
    for (const ack of acks) {
      if (!settled.has(ack.message.id)) settled.set(ack.message.id, outcome(ack, answers));
    }
    return settled;
  }

  private async findTargets(tx: PoolClient, answers: Answer[]): Promise<void> {
    if (answers.length === 0) return;
    const { rows } = await tx.query<{ n: string; id: string; messageType: string | null }>(
      `SELECT DISTINCT ON (q.n) q.n, m.id, m.message_type AS "messageType"
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q(partner_id, format, ref, n)
         JOIN messages m ON m.direction = 'out' AND m.partner_id = q.partner_id
           AND m.partner_ref = q.ref AND m.format = q.format
           AND COALESCE(m.message_type, '') <> ALL($4::text[])
        ORDER BY q.n, m.received_at DESC`,
      [
        answers.map((a) => a.ack.message.partnerId),
        answers.map((a) => a.receipt.format),
        answers.map((a) => a.receipt.answersRef),
        ACK_TYPES,
      ],
    );
    for (const row of rows) answers[Number(row.n) - 1].target = row;
  }

  // One statement: history rows for every answer not applied before, the message row takes
  // the last verdict of the batch.
  private async apply(tx: PoolClient, answers: Answer[]): Promise<void> {
    if (answers.length === 0) return;
    const detail = (a: Answer) =>
      JSON.stringify({
        ackMessageId: a.ack.message.id,
        ackType: a.receipt.ackType,
        code: a.receipt.code,
        ...(a.receipt.errors.length ? { errors: a.receipt.errors } : {}),
      });
    await tx.query(
      `WITH s AS (
         SELECT t.* FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
           WITH ORDINALITY AS t(id, state, reason, detail, ack_id, n)
          WHERE NOT EXISTS (SELECT 1 FROM message_states ms
                             WHERE ms.message_id = t.id AND ms.detail->>'ackMessageId' = t.ack_id)),
       latest AS (SELECT DISTINCT ON (id) * FROM s ORDER BY id, n DESC),
       moved AS (
         UPDATE messages m SET state = latest.state, updated_at = now(),
           last_error = CASE WHEN latest.state = 'rejected-by-partner' THEN jsonb_build_object(
             'stage', 'deliver', 'reason', latest.reason, 'detail', latest.detail) END
           FROM latest WHERE m.id = latest.id)
       INSERT INTO message_states (message_id, state, stage, reason, detail)
       SELECT id, state, 'deliver', reason, detail FROM s ORDER BY n`,
      [
        answers.map((a) => a.target!.id),
        answers.map((a) => a.receipt.verdict),
        answers.map((a) => ackReason(a.receipt)),
        answers.map(detail),
        answers.map((a) => a.ack.message.id),
      ],
    );
  }
}

function outcome(ack: ReceivedAck, answers: Answer[]): AckSettlement {
  const mine = answers.filter((a) => a.ack === ack);
  const unmatched = mine.filter((a) => !a.target);
  if (unmatched.length) {
    const refs = unmatched.map((a) => a.receipt.answersRef).join(', ');
    const { ackType, format } = unmatched[0].receipt;
    return {
      issue: {
        stage: 'map',
        kind: 'rejected',
        message: `${ackType} answers ${WHAT[ackType]} ${refs}, but no outbound ${format} message to ${ack.message.partnerId} has that reference`,
      },
    };
  }
  return {
    detail: {
      acknowledges: mine.map((a) => ({
        messageId: a.target!.id,
        messageType: a.target!.messageType,
        partnerRef: a.receipt.answersRef,
        state: a.receipt.verdict,
      })),
    },
  };
}
