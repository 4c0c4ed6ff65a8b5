import type { Pool } from 'pg';
import { createEnvelope, type Envelope } from '../../core/envelope/envelope';
import { enqueueEnvelope } from '../../core/messaging/outbox';
import { inTransaction } from '../../core/storage/database';
import { insertDocuments } from '../../core/storage/document.repository';

/** A client's canonical event as the normalizer would publish it from a JSON partner. */
export function clientEnvelope<P>(
  e: { type: string; documentType: string; payload: P; refs?: Record<string, string[]> },
  clientId: string,
  receivedAt: string,
): Envelope<P> {
  return createEnvelope({
    ...e,
    version: '1',
    refs: e.refs ?? {},
    source: { partnerId: 'erp', connector: 'http-generic', transport: 'http', format: 'json' },
    receivedAt,
    clientId,
  });
}

/** As the normalizer does: the document stored with its references, the envelope in the outbox. */
export function publishEnvelope(pool: Pool, e: Envelope): Promise<void> {
  return inTransaction(pool, async (tx) => {
    await insertDocuments(tx, [{ envelope: e, messageId: null }]);
    await enqueueEnvelope(tx, e);
  });
}
