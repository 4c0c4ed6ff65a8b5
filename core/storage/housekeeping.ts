import type { Queryable } from './queryable';

export interface Retention {
  outboxDays: number;
  processedDays: number;
}

// Small chunks keep each DELETE short, so housekeeping never holds locks that slow the flow.
const CHUNK = 5000;

async function deleteInChunks(db: Queryable, sql: string, days: number): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.query(sql, [days, CHUNK]);
    total += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < CHUNK) return total;
  }
}

/**
 * Deletes published outbox rows and idempotency records past their retention. Messages, their
 * history and documents are the record of trade and are kept. An idempotency record must outlive
 * any redelivery of its envelope (retries, requeued dead letters): keep `processedDays` well
 * above the longest a dead letter may wait.
 */
export async function purgeExpired(
  db: Queryable,
  retention: Retention,
): Promise<{ outbox: number; processed: number }> {
  const outbox = await deleteInChunks(
    db,
    `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < now() - make_interval(days => $1) LIMIT $2)`,
    retention.outboxDays,
  );
  const processed = await deleteInChunks(
    db,
    `DELETE FROM processed_envelopes WHERE (consumer, envelope_id) IN (
       SELECT consumer, envelope_id FROM processed_envelopes WHERE processed_at < now() - make_interval(days => $1) LIMIT $2)`,
    retention.processedDays,
  );
  return { outbox, processed };
}
