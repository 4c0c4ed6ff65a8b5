import type { Pool } from 'pg';
import type { LoadOutcome } from './fault-load';
import { FAULT_PARTNERS } from './fault-partners';
import { API_CARRIER_ID, apiCounts, apiEventsHandled } from './fault-api';
import { CARRIER_ID, fileCounts, fileRef } from './fault-carrier';

const PARTNER_IDS = FAULT_PARTNERS.map((p) => p.id);
const ALL_PARTNERS = [...PARTNER_IDS, CARRIER_ID, API_CARRIER_ID];

/** One scenario's accounting, per logical message sent. */
export interface Ledger {
  sent: number;
  /** Acknowledged by the gateway (2xx) at least once. */
  acked: number;
  /** Stored exactly once as an original inbound message. */
  stored: number;
  /** One canonical document, handled once by the commerce handler, its order row written. */
  processedOnce: number;
  /** Acknowledged but never handled. */
  lost: number;
  /** Stored, normalized or handled more than once. */
  doubled: number;
  /** Carrier files dropped (counted in `sent` too), and those stored, handled and answered once. */
  files: number;
  filesOnce: number;
  /** API events added (counted in `sent` too), and those stored, normalized, handled once. */
  apiEvents: number;
  apiEventsOnce: number;
  /** Work left behind: inbox and outbox rows, unnormalized or failed messages, dead letters. */
  stuck: number;
}

/** Work still to do in the store, and how much of the run is done (orders, files answered). */
export async function backlog(
  pool: Pool,
  run: string,
  apiIds: readonly string[] = [],
): Promise<{ pending: number; orders: number; files: number; api: number; mark: string }> {
  const { rows } = await pool.query<{ pending: number; handled: number }>(
    `SELECT (SELECT count(*) FROM normalizer_inbox)::int
          + (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int
          + (SELECT count(*) FROM messages WHERE direction = 'out'
                AND state NOT IN ('sent', 'acknowledged', 'delivery-failed'))::int AS pending,
            (SELECT count(*) FROM processed_envelopes)::int AS handled`,
  );
  const orders = await handledOrders(pool, run);
  const files = (await fileCounts(pool, run)).answered;
  const api = await apiEventsHandled(pool, apiIds);
  const mark = `${rows[0].handled}/${orders}/${files}/${api}`;
  return { pending: rows[0].pending, orders, files, api, mark };
}

/** How many of the run's orders the commerce handler has handled (at least once). */
export async function handledOrders(pool: Pool, run: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM commerce_orders WHERE order_no LIKE $1`,
    [`FLT-${run}-%`],
  );
  return rows[0].n;
}

export async function account(
  pool: Pool,
  run: string,
  load: LoadOutcome,
  files: number,
  apiIds: readonly string[] = [],
): Promise<Ledger> {
  const like = `FLT-${run}-%`;
  const { stored, unreadable } = await storedOrders(pool, run);
  const documents = await countBy(
    pool,
    `SELECT d.envelope->'refs'->'orderNo'->>0 AS key FROM documents d
      WHERE d.event_type = 'commerce.order.created' AND d.envelope->'refs'->'orderNo'->>0 LIKE $1`,
    [like],
  );
  const handled = await countBy(
    pool,
    `SELECT d.envelope->'refs'->'orderNo'->>0 AS key FROM documents d
       JOIN processed_envelopes p ON p.envelope_id = d.id AND p.consumer = 'commerce'
      WHERE d.event_type = 'commerce.order.created' AND d.envelope->'refs'->'orderNo'->>0 LIKE $1`,
    [like],
  );
  const rows = await countBy(
    pool,
    `SELECT order_no AS key FROM commerce_orders WHERE order_no LIKE $1`,
    [like],
  );
  const ledger: Ledger = {
    sent: load.messages.length + files + apiIds.length,
    // A dropped file or an API event is on the partner's side: delivered as it is.
    acked: load.acked.size + files + apiIds.length,
    files,
    filesOnce: 0,
    apiEvents: apiIds.length,
    apiEventsOnce: 0,
    stored: 0,
    processedOnce: 0,
    lost: 0,
    doubled: 0,
    // A stored original whose bytes are not the JSON that was sent is a fault of its own.
    stuck: (await stuck(pool)) + unreadable,
  };
  for (const message of load.messages) {
    const key = message.orderNo;
    const [s, d, h, r] = [stored, documents, handled, rows].map((m) => m.get(key) ?? 0);
    if (s === 1) ledger.stored++;
    if (d === 1 && h === 1 && r === 1) ledger.processedOnce++;
    if (load.acked.has(message.index) && h === 0) ledger.lost++;
    if (s > 1 || d > 1 || h > 1) ledger.doubled++;
  }
  await accountFiles(pool, run, files, ledger);
  await accountApi(pool, apiIds, ledger);
  return ledger;
}

// Each API event: on an original page, handled by the timeline, one timeline source row.
async function accountApi(pool: Pool, ids: readonly string[], ledger: Ledger) {
  const counts = await apiCounts(pool, ids);
  for (const id of ids) {
    const [p, h, e] = [counts.pages, counts.handled, counts.effects].map((m) => m.get(id) ?? 0);
    if (p >= 1) ledger.stored++;
    if (p >= 1 && h >= 1 && e === 1) {
      ledger.processedOnce++;
      ledger.apiEventsOnce++;
    }
    if (h === 0 || e === 0) ledger.lost++;
    if (e > 1) ledger.doubled++;
  }
  ledger.doubled += counts.pagesTwice;
}

// Each file: one original, two container events each handled once, one CONTRL answer.
async function accountFiles(pool: Pool, run: string, files: number, ledger: Ledger) {
  const counts = await fileCounts(pool, run);
  for (let k = 0; k < files; k++) {
    const ref = fileRef(run, k);
    const [s, e, h] = [counts.stored, counts.events, counts.handled].map((m) => m.get(ref) ?? 0);
    if (s === 1) ledger.stored++;
    if (s === 1 && e === 2 && h === 2) {
      ledger.processedOnce++;
      ledger.filesOnce++;
    }
    if (h === 0) ledger.lost++;
    if (s > 1 || e > 2 || h > 2) ledger.doubled++;
  }
  // An answer missing is work left undone; more answers than files were sent twice.
  ledger.stuck += Math.max(0, files - counts.answered);
  ledger.doubled += Math.max(0, counts.answered - files);
}

/**
 * The run's orders stored as originals, by order number, read from their raw bytes here rather
 * than cast in SQL: one unreadable payload would fail the whole count. Each one is described on
 * stderr (id, state, size, first bytes) and counted.
 */
async function storedOrders(
  pool: Pool,
  run: string,
): Promise<{ stored: Map<string, number>; unreadable: number }> {
  const { rows } = await pool.query<{ id: string; state: string; raw: Buffer }>(
    `SELECT m.id, m.state, p.raw FROM messages m JOIN message_payloads p ON p.message_id = m.id
      WHERE m.direction = 'in' AND m.duplicate_of IS NULL AND m.state <> 'conflict'
        AND m.partner_id = ANY($1)`,
    [PARTNER_IDS],
  );
  const stored = new Map<string, number>();
  let unreadable = 0;
  for (const row of rows) {
    let key: unknown;
    try {
      key = (JSON.parse(row.raw.toString('utf8')) as { orderNo?: unknown }).orderNo;
    } catch {
      unreadable++;
      const head = JSON.stringify(row.raw.subarray(0, 80).toString('latin1'));
      process.stderr.write(
        `[faults] unreadable stored payload: message ${row.id}, state ${row.state}, ${row.raw.length} bytes, starts ${head}\n`,
      );
      continue;
    }
    if (typeof key === 'string' && key.startsWith(`FLT-${run}-`))
      stored.set(key, (stored.get(key) ?? 0) + 1);
  }
  return { stored, unreadable };
}

async function countBy(pool: Pool, sql: string, params: unknown[]): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ key: string }>(sql, params);
  const counts = new Map<string, number>();
  for (const { key } of rows) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

async function stuck(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM normalizer_inbox)
           + (SELECT count(*) FROM outbox WHERE published_at IS NULL)
           + (SELECT count(*) FROM dead_letters)
           + (SELECT count(*) FROM messages WHERE direction = 'out'
                 AND state NOT IN ('sent', 'acknowledged'))
           + (SELECT count(*) FROM messages WHERE direction = 'in' AND partner_id = ANY($1)
                 AND duplicate_of IS NULL AND state NOT IN ('processed', 'duplicate')))::int AS n`,
    [ALL_PARTNERS],
  );
  return rows[0].n;
}

/** What the stuck work is, for the log of a run that did not drain. */
export async function stuckDetail(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ what: string; n: number }>(
    `SELECT 'inbox' AS what, count(*)::int AS n FROM normalizer_inbox
     UNION ALL SELECT 'outbox', count(*)::int FROM outbox WHERE published_at IS NULL
     UNION ALL SELECT 'dead letter ' || consumer || ': ' || left(reason, 120), count(*)::int
       FROM dead_letters GROUP BY consumer, reason
     UNION ALL SELECT 'out ' || state, count(*)::int FROM messages
      WHERE direction = 'out' AND state NOT IN ('sent', 'acknowledged') GROUP BY state
     UNION ALL SELECT 'in ' || partner_id || ' ' || state, count(*)::int FROM messages
      WHERE direction = 'in' AND duplicate_of IS NULL AND state NOT IN ('processed', 'duplicate')
      GROUP BY partner_id, state`,
  );
  return rows
    .filter((r) => r.n > 0)
    .map((r) => `${r.what}: ${r.n}`)
    .join('; ');
}
