import type { Pool } from 'pg';
import { inTransaction } from './database';
import type { MessageState } from './message.repository';
import { HELD_MONTH } from './payloads';
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

// Months created ahead of the clock, so an insert never waits for a partition.
export const MONTHS_AHEAD = 3;

// Short statements: the purge never holds row locks long enough to slow the flow.
const CHUNK = 2000;

/** Creates this month's payload partition and the next `ahead` ones where missing. */
export async function ensurePayloadPartitions(
  db: Queryable,
  ahead = MONTHS_AHEAD,
): Promise<number> {
  const { rows } = await db.query<{ created: boolean }>(
    `SELECT ensure_payload_partition((payload_month(now()) + make_interval(months => k))::date) AS created
       FROM generate_series(0, $1::int) k`,
    [ahead],
  );
  return rows.filter((r) => r.created).length;
}

/**
 * Drops the raw bytes of settled messages received more than `days` ago: whole months by
 * dropping their partition (disposeExpiredMonths), then what remains row by row, oldest first,
 * in chunks: the current partial month, payloads held back from a dropped month that have settled
 * since, and rows in the default partition. Each message purged row by row gets a `raw-purged`
 * entry in its state history; a dropped month is one `raw_payload_disposals` row. The record,
 * its content hash and size, references, documents and history stay. Returns how many payloads
 * went.
 */
export async function purgeRawPayloads(pool: Pool, days: number): Promise<number> {
  const months = await disposeExpiredMonths(pool, days);
  return months.reduce((n, m) => n + m.dropped, 0) + (await purgeRows(pool, days));
}

/**
 * Row by row: what no dropped partition covered (see purgeRawPayloads). `days` may have a
 * fraction (the benchmark cuts at a month's end).
 */
export async function purgeRows(pool: Pool, days: number): Promise<number> {
  let total = 0;
  // Months not dropped first; then the held and default partitions, each read whole per chunk
  // (they hold the exceptions: failed messages, months nobody created).
  for (const from of SOURCES) {
    for (;;) {
      const purged = await inTransaction(pool, (tx) => purgeChunk(tx, days, from));
      total += purged;
      if (purged < CHUNK) break;
    }
  }
  return total;
}

// Where the row purge finds its messages: months not dropped (by the messages' time index), or
// a partition of exceptions (joined to its messages).
const SOURCES = ['months', 'message_payloads_held', 'message_payloads_default'] as const;

/** One chunk: mark and record the messages, then delete their payload rows. */
async function purgeChunk(
  tx: Queryable,
  days: number,
  from: (typeof SOURCES)[number],
): Promise<number> {
  const { rows } = await tx.query<{ id: string; month: string }>(
    `WITH disposed AS (
       SELECT COALESCE((max(month) + interval '1 month') AT TIME ZONE 'UTC', '-infinity') AS until
         FROM raw_payload_disposals),
     -- A replay waiting in the normalizer inbox still needs the bytes, whatever the state.
     old AS (${
       from === 'months'
         ? `SELECT id FROM messages m
             WHERE raw_purged_at IS NULL AND received_at < now() - make_interval(secs => $4)
               AND received_at >= (SELECT until FROM disposed) AND state = ANY($2::text[])
               AND NOT EXISTS (SELECT 1 FROM normalizer_inbox i WHERE i.message_id = m.id)
             ORDER BY received_at LIMIT $3 FOR UPDATE SKIP LOCKED`
         : `SELECT m.id FROM ${from} p JOIN messages m ON m.id = p.message_id
             WHERE m.raw_purged_at IS NULL AND m.received_at < now() - make_interval(secs => $4)
               AND m.state = ANY($2::text[])
               AND NOT EXISTS (SELECT 1 FROM normalizer_inbox i WHERE i.message_id = m.id)
             LIMIT $3 FOR UPDATE OF m SKIP LOCKED`
     }),
     purged AS (
       UPDATE messages m SET raw_purged_at = now()
         FROM old WHERE m.id = old.id RETURNING m.id, m.size_bytes, m.received_at),
     history AS (
       INSERT INTO message_states (message_id, state, detail)
       SELECT id, 'raw-purged', jsonb_build_object('sizeBytes', size_bytes, 'retentionDays', $1::int)
         FROM purged)
     SELECT id, to_char(payload_month(received_at), 'YYYY-MM-DD') AS month FROM purged`,
    [Math.round(days), SETTLED_STATES, CHUNK, days * 86_400],
  );
  if (rows.length === 0) return 0;
  // The months named as values, so only their partitions are read (a join would scan all).
  const months = [...new Set(rows.map((r) => r.month)), HELD_MONTH];
  await tx.query(
    `DELETE FROM message_payloads WHERE month = ANY($1::date[]) AND message_id = ANY($2::uuid[])`,
    [months, rows.map((r) => r.id)],
  );
  return rows.length;
}

export interface MonthDisposal {
  month: string;
  dropped: number;
  held: number;
}

/**
 * Every payload month that ended before `days` ago goes at once: payloads still needed (the
 * message is not settled, or a replay of it waits in the normalizer inbox) move to the held
 * partition, then the month's partition is dropped. Oldest month first.
 */
export async function disposeExpiredMonths(pool: Pool, days: number): Promise<MonthDisposal[]> {
  const { rows } = await pool.query<{ month: string }>(
    `SELECT to_char(month, 'YYYY-MM-DD') AS month FROM (
       SELECT to_date(substring(c.relname from 'message_payloads_(\\d{4}_\\d{2})$'), 'YYYY_MM') AS month
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'message_payloads'::regclass) parts
      WHERE month IS NOT NULL AND month < payload_month(now() - make_interval(days => $1))
      ORDER BY month`,
    [days],
  );
  const done: MonthDisposal[] = [];
  for (const { month } of rows) done.push(await disposeMonth(pool, month, days));
  return done;
}

/** Drops one month's payload partition (first day `YYYY-MM-DD`), holding back what is needed. */
export async function disposeMonth(
  pool: Pool,
  month: string,
  days: number,
): Promise<MonthDisposal> {
  const part = `message_payloads_${month.slice(0, 7).replace('-', '_')}`;
  // Most of the holding (and the count) happens before the lock, so the locked part finds
  // little left to do.
  const early = await holdUnsettled(pool, month);
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${part}`);
  return inTransaction(pool, async (tx) => {
    // The parent's lock orders us after any reader or replay that started on this month, and
    // keeps new ones out until the partition is gone (a replay then sees no payload: 409).
    await tx.query('LOCK TABLE ONLY message_payloads IN ACCESS EXCLUSIVE MODE');
    const late = await holdUnsettled(tx, month);
    const held = early + late;
    const dropped = Number(rows[0].n) - late;
    await tx.query(`DROP TABLE ${part}`);
    await tx.query(
      `INSERT INTO raw_payload_disposals (month, retention_days, dropped, held) VALUES ($1, $2, $3, $4)`,
      [month, days, dropped, held],
    );
    return { month, dropped, held };
  });
}

/** Moves the month's payloads that may still be replayed or delivered to the held partition. */
async function holdUnsettled(db: Queryable, month: string): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE message_payloads SET month = $3::date
      WHERE month = $1::date AND message_id IN (
        SELECT m.id FROM messages m
         WHERE m.received_at >= $1::date AT TIME ZONE 'UTC'
           AND m.received_at < ($1::date + interval '1 month') AT TIME ZONE 'UTC'
           AND (m.state <> ALL($2::text[])
                OR EXISTS (SELECT 1 FROM normalizer_inbox i WHERE i.message_id = m.id)))`,
    [month, SETTLED_STATES, HELD_MONTH],
  );
  return rowCount ?? 0;
}
