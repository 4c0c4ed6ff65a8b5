import type { Pool } from 'pg';
import type { IncomingMessage, IntakePort, IntakeResult } from '../connector/contract';
import { createEnvelope } from '../envelope/envelope';
import { randomUUID } from 'node:crypto';
import { GroupCommit } from '../concurrency/group-commit';
import {
  enqueueEnvelope,
  insertOutboxFrom,
  OUTBOX_CHANNEL,
  OUTBOX_RECORD,
  outboxRecords,
} from '../messaging/outbox';
import { inTransaction } from '../storage/database';
import {
  MessageRepository,
  inboundRecords,
  insertNewInboundCtes,
} from '../storage/message.repository';

/** Routing key of the internal event that asks the normalizer to take a stored message. */
export const MESSAGE_RECEIVED = 'ingest.message.received';

export type { IncomingMessage, IntakeResult } from '../connector/contract';

export interface MessageReceivedPayload {
  messageId: string;
  partnerId: string;
  /** 0 for the first run; a replay counts up, so its canonical envelopes get new ids. */
  generation: number;
}

/**
 * The first step of every transport: store the raw message and, in the same transaction, the
 * outbox row that hands it to the normalizer. Only after this commits may the transport
 * acknowledge (answer 2xx, archive the file, advance a cursor).
 */
export class MessageIntake implements IntakePort {
  private readonly messages = new MessageRepository();
  /** Resolves with the result of a message stored as new, or undefined for the single path. */
  private readonly group: GroupCommit<IncomingMessage, IntakeResult | undefined>;

  constructor(private readonly pool: Pool) {
    // Concurrent receipts (webhook bursts, a folder of files) share one statement.
    this.group = new GroupCommit((items) => this.receiveMany(items), { max: 100, concurrency: 4 });
  }

  async receive(incoming: IncomingMessage): Promise<IntakeResult> {
    let stored: IntakeResult | undefined;
    try {
      stored = await this.group.submit(incoming);
    } catch {
      // The batch failed as a whole, so stored nothing: this message alone gives its own error.
    }
    return stored ?? this.receiveOne(incoming);
  }

  private receiveOne(incoming: IncomingMessage): Promise<IntakeResult> {
    return inTransaction(this.pool, async (tx) => {
      const stored = await this.messages.insertInbound(tx, incoming);
      if (stored.duplicateOf) return { messageId: stored.id, duplicateOf: stored.duplicateOf };
      await enqueueEnvelope(tx, receivedEnvelope(incoming, stored.id, 0));
      return { messageId: stored.id };
    });
  }

  /**
   * New messages, their history and their hand-off to the normalizer in one statement, so one
   * round trip and no BEGIN/COMMIT (a single statement is atomic on its own). A message not
   * stored as new (the partner sent it before) is left undefined for the one-by-one way, which
   * records the duplicate (rare) in its own transaction.
   */
  private async receiveMany(items: IncomingMessage[]): Promise<Array<IntakeResult | undefined>> {
    const ids = items.map(() => randomUUID());
    const handoff = outboxRecords(
      items.map((incoming, i) => ({ envelope: receivedEnvelope(incoming, ids[i], 0) })),
    ).map((record, i) => ({ ...record, message_id: ids[i] }));
    const { rows } = await this.pool.query<{ id: string }>(
      `${insertNewInboundCtes('$1')},
       handoff AS (
         ${insertOutboxFrom(`jsonb_to_recordset($2::jsonb) AS t(message_id uuid, ${OUTBOX_RECORD}) JOIN added ON added.id = t.message_id`)})
       SELECT id, pg_notify($3, '') FROM added`,
      [JSON.stringify(inboundRecords(items, ids)), JSON.stringify(handoff), OUTBOX_CHANNEL],
    );
    const fresh = new Set(rows.map((r) => r.id));
    return ids.map((id) => (fresh.has(id) ? { messageId: id } : undefined));
  }
}

export function receivedEnvelope(
  incoming: Pick<IncomingMessage, 'partnerId' | 'connector' | 'transport'>,
  messageId: string,
  generation: number,
) {
  const now = new Date().toISOString();
  return createEnvelope<MessageReceivedPayload>({
    type: MESSAGE_RECEIVED,
    documentType: 'MessageReceived',
    version: '1',
    payload: { messageId, partnerId: incoming.partnerId, generation },
    source: {
      partnerId: incoming.partnerId,
      connector: incoming.connector,
      transport: incoming.transport,
      format: 'raw',
      messageId,
    },
    refs: {},
    receivedAt: now,
    correlationId: messageId,
  });
}
