import { Client, Pool } from 'pg';
import { runMigrations } from '../../../core/storage/migration';
import { disposeMonth, purgeRawPayloads, purgeRows } from '../../../core/storage/raw-retention';
import { searchMessages } from '../../../core/storage/message-search';
import { DocumentRepository } from '../../../core/storage/document.repository';
import { MessageRepository } from '../../../core/storage/message.repository';
import { coreMigrations } from '../../../core/storage/migrations';
import { MessageQueryService } from '../../../gateway/operator/message-query.service';
import type { BenchLine } from '../bench-line';
import { benchEnv, dropDatabase, percentile } from '../pipeline/bench-env';
import { BENCH_ID_FUNCTION, BUSY_PARTNERS, QUIET_PARTNER, seedStore } from './seed-store';

const QUERIES = 200;
const DAY_MS = 86_400_000;

/**
 * Operator search on a store of `rows` generated messages (seed-store.ts): p95 of `QUERIES`
 * queries each, one client, beside a bare indexed SELECT on the same data in the same run.
 */
export async function runSearchBench(rows: number): Promise<BenchLine[]> {
  const env = benchEnv();
  const admin = new URL(env.databaseUrl);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const pool = new Pool({ connectionString: env.databaseUrl, max: 2 });
  try {
    await runMigrations(pool, coreMigrations);
    await pool.query(BENCH_ID_FUNCTION);
    const seeded = Date.now();
    await seedStore(pool, rows);
    process.stdout.write(`search: ${rows} messages seeded in ${Date.now() - seeded} ms\n`);
    const lines = await measure(pool, rows);
    return [...lines, ...(await retention(pool, rows))];
  } finally {
    await pool.end();
    await dropDatabase(env.databaseUrl);
  }
}

async function measure(pool: Pool, rows: number): Promise<BenchLine[]> {
  const pick = () => Math.floor(Math.random() * rows);
  const bare = await p95(() =>
    pool.query('SELECT message_id FROM trade_refs WHERE value = $1', [`BL${pick() >> 1}`]),
  );
  const byRef = await p95(() => searchMessages(pool, { ref: `BL${pick() >> 1}`, limit: 50 }));
  // Half the windows land where the partner sends, half on the quiet partner (nothing in them).
  let turn = 0;
  const window = await p95(() => {
    const to = new Date(Date.now() - Math.random() * 30 * DAY_MS);
    const quiet = turn++ % 2 === 1;
    return searchMessages(pool, {
      partnerId: quiet ? QUIET_PARTNER : `partner-${pick() % BUSY_PARTNERS}`,
      state: quiet ? 'processed' : 'failed',
      from: new Date(to.getTime() - 7 * DAY_MS).toISOString(),
      to: to.toISOString(),
      limit: 50,
    });
  });
  const service = new MessageQueryService(pool, new MessageRepository(), new DocumentRepository());
  const staff = { keyId: 'bench', name: 'bench', role: 'admin' as const, clientId: null };
  const trade = await p95(() => service.trade(staff, `ORD${pick()}`));
  const line = (label: string, value: number): BenchLine => ({
    name: label,
    value,
    unit: 'ms p95',
    baseline: bare,
    ratio: value / bare,
    note: `${QUERIES} queries, ${rows} messages`,
  });
  return [
    { name: 'bare indexed SELECT (trade_refs by value)', value: bare, unit: 'ms p95' },
    line('search by reference (B/L)', byRef),
    line('search partner + state + 7-day window', window),
    line('trade timeline (/trades/:ref service)', trade),
  ];
}

/**
 * Raw-payload retention on the same store (ADR 0019). One month the old way, row by row
 * (purgeRows: each settled message's payload row deleted, its record marked, a history entry
 * written), the next month by dropping its partition (disposeMonth: unsettled payloads held back
 * first); then the whole policy at 30 days, the store's size per row, and the search by
 * reference again (retention must leave search as fast as before).
 */
async function retention(pool: Pool, rows: number): Promise<BenchLine[]> {
  // The two oldest whole months of the busy partners (the oldest is only partly filled), both
  // past the 30 days.
  const months = (
    await pool.query<{ month: string }>(
      `SELECT to_char(month, 'YYYY-MM-DD') AS month FROM generate_series(
         (SELECT payload_month(min(received_at)) FROM messages WHERE partner_id <> $1) + interval '1 month',
         payload_month(now()) - interval '2 months', interval '1 month') month ORDER BY 1 LIMIT 2`,
      [QUIET_PARTNER],
    )
  ).rows.map((r) => r.month);
  if (months.length < 2) return [...(await sizes(pool, rows))];
  const [rowMonth, dropMonth] = months;
  const daysBefore = (month: string) => (Date.now() - Date.parse(`${month}T00:00:00Z`)) / DAY_MS;
  const nextMonth = (month: string) => {
    const d = new Date(`${month}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 1);
    return d.toISOString().slice(0, 10);
  };
  // Row by row: the months before `rowMonth` first (not timed), then `rowMonth` alone.
  await purgeRows(pool, daysBefore(rowMonth));
  let started = Date.now();
  const rowPurged = await purgeRows(pool, daysBefore(nextMonth(rowMonth)));
  const rowMs = Date.now() - started;
  started = Date.now();
  const disposal = await disposeMonth(pool, dropMonth, 30);
  const dropMs = Date.now() - started;
  started = Date.now();
  const purged = await purgeRawPayloads(pool, 30);
  const allMs = Date.now() - started;
  const pick = () => Math.floor(Math.random() * rows);
  const byRef = await p95(() => searchMessages(pool, { ref: `BL${pick() >> 1}`, limit: 50 }));
  return [
    {
      name: `one month row by row (${rowMonth.slice(0, 7)}, DELETE)`,
      value: rowMs,
      unit: 'ms',
      note: `${rowPurged} payloads purged, ${Math.round((rowPurged / Math.max(rowMs, 1)) * 1000)}/s`,
    },
    {
      name: `one month by partition (${dropMonth.slice(0, 7)}, DROP)`,
      value: dropMs,
      unit: 'ms',
      note: `${disposal.dropped} payloads dropped, ${disposal.held} held back`,
    },
    {
      name: 'raw retention job (settled, > 30 days)',
      value: allMs,
      unit: 'ms',
      note: `${purged} payloads purged`,
    },
    ...(await sizes(pool, rows)),
    { name: 'search by reference (B/L) after the purge', value: byRef, unit: 'ms p95' },
  ];
}

/** Table + indexes per row (after the purge), for ADR 0019's choice of what to partition. */
async function sizes(pool: Pool, rows: number): Promise<BenchLine[]> {
  const tables = ['messages', 'message_payloads', 'message_states', 'documents', 'trade_refs'];
  const lines: BenchLine[] = [];
  for (const table of tables) {
    const { rows: r } = await pool.query<{ bytes: string; n: string }>(
      `SELECT (SELECT sum(pg_total_relation_size(c)) FROM (
                 SELECT $1::regclass AS c UNION ALL
                 SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = $1::regclass) t) AS bytes,
              (SELECT count(*) FROM ${table}) AS n`,
      [table],
    );
    const n = Number(r[0].n);
    lines.push({
      name: `${table}: table + indexes per row`,
      value: n ? Math.round(Number(r[0].bytes) / n) : 0,
      unit: 'bytes',
      note: `${n} rows, ${rows} messages`,
    });
  }
  return lines;
}

async function p95(query: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i++) await query(); // warm the plan cache and buffers
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const started = process.hrtime.bigint();
    await query();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentile(
    times.sort((a, b) => a - b),
    95,
  );
}
