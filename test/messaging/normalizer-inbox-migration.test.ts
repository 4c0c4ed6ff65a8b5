import { randomUUID } from 'node:crypto';
import { runMigrations } from '../../core/storage/migration';
import { coreMigrations } from '../../core/storage/migrations';
import { useStoreBefore } from '../support/store-before';

// The schema as it was before the inbox.
const store = useStoreBefore('0005');

async function storedMessage(): Promise<string> {
  const id = randomUUID();
  await store().query(
    `INSERT INTO messages (id, direction, partner_id, transport, content_hash, size_bytes, raw, state)
     VALUES ($1, 'in', 'shop-m', 'http', $2, 2, '\\x7b7d', 'received')`,
    [id, `hash-${id}`],
  );
  return id;
}

/** A hand-off the old way: an outbox row carrying a MessageReceived envelope. */
async function handOff(messageId: string, generation: number, published: boolean) {
  const envelopeId = randomUUID();
  await store().query(
    `INSERT INTO outbox (envelope_id, exchange, routing_key, body, headers, published_at)
     VALUES ($1, 'trade.events', 'ingest.message.received', $2, '{}', $3)`,
    [
      envelopeId,
      JSON.stringify({ id: envelopeId, payload: { messageId, generation } }),
      published ? new Date() : null,
    ],
  );
  return envelopeId;
}

it('turns hand-offs the normalizer has not processed into inbox rows, and no other', async () => {
  const waiting = await storedMessage(); // committed, not yet published
  const queued = await storedMessage(); // published, still on the queue
  const done = await storedMessage(); // published and normalized
  await handOff(waiting, 0, false);
  await handOff(queued, 2, true);
  const processed = await handOff(done, 0, true);
  await store().query(
    `INSERT INTO processed_envelopes (consumer, envelope_id) VALUES ('normalizer', $1)`,
    [processed],
  );

  // 0005 runs first; core migrations added after it follow.
  expect((await runMigrations(store(), coreMigrations))[0]).toBe('0005-normalizer-inbox');

  const inbox = await store().query<{ message_id: string; generation: number }>(
    'SELECT message_id, generation FROM normalizer_inbox ORDER BY id',
  );
  expect(inbox.rows).toEqual([
    { message_id: waiting, generation: 0 },
    { message_id: queued, generation: 2 },
  ]);
  const unpublished = await store().query(
    `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
  );
  expect(unpublished.rows[0].n).toBe(0);
});
