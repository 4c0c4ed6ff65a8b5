import { Client, Pool, type PoolClient } from 'pg';
import { backoffMs, isDependencyOutage } from '../resilience';

/** Creates the database named in the URL when it does not exist yet (local and test set-ups). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name))
    throw new Error(`database name "${name}" must be [A-Za-z0-9_]+`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  // A server going away mid-check rejects the query below; the event must not crash us.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      // Two processes may race here; the loser's "already exists" is fine.
      await client.query(`CREATE DATABASE "${name}"`).catch((err: { code?: string }) => {
        if (err.code !== '42P04' && err.code !== '23505') throw err;
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Waits, with back-off, until PostgreSQL answers and the database exists: a gateway started
 * while the server is down or still starting up ("the database system is starting up") comes
 * up when it is back instead of exiting. Other errors (bad credentials, bad name) end at once.
 */
export async function waitForDatabase(
  url: string,
  onWait: (err: unknown, waitMs: number, tries: number) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      return await ensureDatabase(url);
    } catch (err) {
      if (!isDependencyOutage(err)) throw err;
      const waitMs = backoffMs(tries, { baseMs: 500, maxMs: 15_000 });
      onWait(err, waitMs, tries);
      await sleep(waitMs);
    }
  }
}

/**
 * A pool whose clients' errors (server restart, terminated backend: 57P01, "Connection
 * terminated unexpectedly") never crash the process. pg only listens on idle clients itself;
 * a checked-out one (a transaction, the outbox relay, an advisory lock holder, a LISTEN client,
 * a consumer batch) would raise an unhandled 'error' event. Every client gets a listener when
 * it connects; the work on it sees its query rejected and fails over to its own retry, and pg
 * drops the broken client when it is released. `onError` may log.
 */
export function createPool(
  url: string,
  max = 10,
  onError: (err: Error) => void = () => undefined,
): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** Runs `work` in one transaction; rolls back and rethrows on any error. */
export interface TransactionOptions {
  /** PostgreSQL cancels any statement of the transaction running longer (57014). */
  statementTimeoutMs?: number;
}

/** BEGIN, with the transaction's settings in the same round trip (a simple-protocol query). */
function beginStatement(options: TransactionOptions): string {
  const ms = options.statementTimeoutMs;
  if (ms === undefined) return 'BEGIN';
  if (!Number.isSafeInteger(ms) || ms < 1) throw new RangeError(`statement timeout ${ms} ms`);
  return `BEGIN; SET LOCAL statement_timeout = ${ms}`;
}

export async function inTransaction<T>(
  pool: Pool,
  work: (tx: PoolClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(beginStatement(options));
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
