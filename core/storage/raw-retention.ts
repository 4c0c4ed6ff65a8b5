import type { MessageState } from './message.repository';
import type { Queryable } from './queryable';

/**
 * States in which nobody needs a message's raw bytes any more: normalized, answered, or a
 * duplicate of a kept original. Failed, conflicting and in-flight messages keep them, since
 * replay and redelivery start from the raw bytes.
 */
export const SETTLED_STATES: readonly MessageState[] = [
  'processed',
  'duplicate',
  'sent',
  'acknowledged',
  'rejected-by-partner',
];

// Short statements: the purge never holds row locks long enough to slow the flow.
const CHUNK = 2000;

/**
 * Drops the raw bytes of settled messages received more than `days` ago, oldest first, in
 * chunks; each purged message gets a `raw-purged` entry in its state history. The record, its
 * content hash and size, references, documents and history stay. Returns how many were purged.
 */
export async function purgeRawPayloads(db: Queryable, days: number): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.query(
      `WITH old AS (
         SELECT id FROM messages
          WHERE raw_purged_at IS NULL AND received_at < now() - make_interval(days => $1)
            AND state = ANY($2::text[])
          ORDER BY received_at LIMIT $3 FOR UPDATE SKIP LOCKED),
       purged AS (
         UPDATE messages m SET raw = ''::bytea, raw_purged_at = now()
           FROM old WHERE m.id = old.id RETURNING m.id, m.size_bytes)
       INSERT INTO message_states (message_id, state, detail)
       SELECT id, 'raw-purged', jsonb_build_object('sizeBytes', size_bytes, 'retentionDays', $1::int)
         FROM purged`,
      [days, SETTLED_STATES, CHUNK],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < CHUNK) return total;
  }
}
