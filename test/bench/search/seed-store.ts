import type { Pool } from 'pg';

/** Partners that send all the time, and one whose messages are all older than a month. */
export const BUSY_PARTNERS = 40;
export const QUIET_PARTNER = 'partner-quiet';

/**
 * Fills a migrated store with `count` messages by SQL, in batches (documented in ADR 0015):
 * - message i comes from `partner-(i % 40)` (every 97th from the quiet partner, a month back),
 *   one every 30 seconds going back in time, state cycling through the usual outcomes;
 * - it names two references: orderNo `ORD<i>` and blNo `BL<i/2>` (two messages share a B/L,
 *   so a trade spans messages);
 * - every second message has a document naming invoiceNo `INV<i>`.
 * That is about 2.5 references per message. Each message's raw payload (~30 bytes) is a row in its
 * month's partition of message_payloads (ADR 0019).
 */
export async function seedStore(pool: Pool, count: number, batch = 100_000): Promise<void> {
  await pool.query(
    `INSERT INTO partners (id, name, kind, connector, record)
     SELECT 'partner-' || g, 'Partner ' || g, 'carrier', 'bench', '{}'::jsonb FROM generate_series(0, $1 - 1) g
     UNION ALL SELECT $2, 'Quiet partner', 'carrier', 'bench', '{}'::jsonb`,
    [BUSY_PARTNERS, QUIET_PARTNER],
  );
  // The payload partitions a store of that age would have: one per month back to the oldest
  // message (30 s apart, the quiet partner's 40 days further back).
  const days = Math.ceil((count * 30) / 86_400) + 40;
  await pool.query(
    `SELECT ensure_payload_partition(payload_month(now() - make_interval(months => k)))
       FROM generate_series(0, $1::int) k`,
    [Math.ceil(days / 28)],
  );
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch) - 1;
    await seedBatch(pool, from, to);
  }
  await pool.query('ANALYZE');
}

async function seedBatch(pool: Pool, from: number, to: number): Promise<void> {
  await pool.query(
    `WITH added AS (
       INSERT INTO messages (id, direction, partner_id, transport, format, message_type, content_hash,
         size_bytes, state, received_at, updated_at)
       SELECT bench_id('m', g), CASE WHEN g % 3 = 0 THEN 'out' ELSE 'in' END,
         CASE WHEN g % 97 = 0 THEN $3 ELSE 'partner-' || (g % ${BUSY_PARTNERS}) END,
         'sftp', 'edifact', (ARRAY['IFTSTA','IFTMIN','CUSDEC','INVOIC'])[1 + g % 4], md5(g::text), 64,
         (ARRAY['processed','processed','processed','failed','sent','acknowledged','received'])[1 + g % 7],
         now() - make_interval(secs => g * 30) - CASE WHEN g % 97 = 0 THEN interval '40 days' ELSE interval '0' END,
         now()
       FROM generate_series($1::int, $2::int) g
       RETURNING id, received_at, content_hash)
     INSERT INTO message_payloads (message_id, month, raw)
     SELECT id, payload_month(received_at), convert_to('UNH+' || left(content_hash, 7) || '+IFTSTA:D:99B:UN''', 'UTF8')
       FROM added`,
    [from, to, QUIET_PARTNER],
  );
  await pool.query(
    `INSERT INTO documents (id, message_id, document_type, version, event_type, occurred_at, envelope)
     SELECT bench_id('d', g), bench_id('m', g), 'invoice', '1', 'invoice.issued', now(), '{}'::jsonb
     FROM generate_series($1::int, $2::int) g WHERE g % 2 = 0`,
    [from, to],
  );
  await pool.query(
    `INSERT INTO trade_refs (kind, value, message_id, document_id)
     SELECT 'orderNo', 'ORD' || g, bench_id('m', g), NULL::uuid FROM generate_series($1::int, $2::int) g
     UNION ALL SELECT 'blNo', 'BL' || (g / 2), bench_id('m', g), NULL::uuid FROM generate_series($1::int, $2::int) g
     UNION ALL SELECT 'invoiceNo', 'INV' || g, NULL::uuid, bench_id('d', g)
       FROM generate_series($1::int, $2::int) g WHERE g % 2 = 0`,
    [from, to],
  );
}

/** Deterministic uuids, so that queries can name a message or document by its number. */
export const BENCH_ID_FUNCTION = `CREATE FUNCTION bench_id(prefix text, n int) RETURNS uuid
  LANGUAGE sql IMMUTABLE AS $$ SELECT md5(prefix || n)::uuid $$`;
