import type { Pool } from 'pg';
import type { IncomingMessage, IntakePort, IntakeResult } from '../connector/contract';
import { createEnvelope } from '../envelope/envelope';
import { randomUUID } from 'node:crypto';
import { GroupCommit } from '../concurrency/group-commit';
import { enqueueEnvelope, enqueueEnvelopes } from '../messaging/outbox';
import { inTransaction } from '../storage/database';
import { MessageRepository, insertNewInbound } from '../storage/message.repository';

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
  private readonly group: GroupCommit<IncomingMessage, IntakeResult>;

  constructor(private readonly pool: Pool) {
    // Concurrent receipts (webhook bursts, a folder of files) share one transaction.
    this.group = new GroupCommit((items) => this.receiveMany(items), { max: 100, concurrency: 4 });
  }

  async receive(incoming: IncomingMessage): Promise<IntakeResult> {
    try {
      return await this.group.submit(incoming);
    } catch {
      // The batch failed as a whole: try this message alone, so its own error is the answer.
      return this.receiveOne(incoming);
    }
  }

  private receiveOne(incoming: IncomingMessage): Promise<IntakeResult> {
    return inTransaction(this.pool, async (tx) => {
      const stored = await this.messages.insertInbound(tx, incoming);
      if (stored.duplicateOf) return { messageId: stored.id, duplicateOf: stored.duplicateOf };
      await enqueueEnvelope(tx, receivedEnvelope(incoming, stored.id, 0));
      return { messageId: stored.id };
    });
  }

  /** New messages in three statements; a duplicate goes the one-by-one way (rare). */
  private receiveMany(items: IncomingMessage[]): Promise<IntakeResult[]> {
    return inTransaction(this.pool, async (tx) => {
      const ids = items.map(() => randomUUID());
      const fresh = await insertNewInbound(tx, items, ids);
      const results: IntakeResult[] = [];
      const envelopes = [];
      for (const [i, incoming] of items.entries()) {
        if (fresh.has(ids[i])) {
          envelopes.push({ envelope: receivedEnvelope(incoming, ids[i], 0) });
          results.push({ messageId: ids[i] });
        } else {
          const stored = await this.messages.insertInbound(tx, incoming);
          if (!stored.duplicateOf)
            envelopes.push({ envelope: receivedEnvelope(incoming, stored.id, 0) });
          results.push({ messageId: stored.id, duplicateOf: stored.duplicateOf });
        }
      }
      await enqueueEnvelopes(tx, envelopes);
      return results;
    });
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
