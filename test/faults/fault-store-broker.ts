import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from 'amqplib';
import { Client, type Pool } from 'pg';
import type { FaultContext } from './fault-scenarios';

const HOLDER = 'faults-holder';

/**
 * The commerce handler's work queue deleted by an operator while orders flow: what was in it
 * is gone with it, and events published before it is back have nowhere to go. The gateway
 * must declare it again by itself (its consumer is cancelled by the broker) and bring back
 * from its store every envelope the queue lost. The suite only deletes: a queue that is not
 * back within 30 s is a finding.
 */
export async function deleteQueue(ctx: FaultContext): Promise<void> {
  const queue = `${ctx.namespace}q.commerce`;
  const connection = await connect(ctx.services.rabbit.url);
  try {
    const channel = await connection.createChannel();
    const { messageCount } = await channel.deleteQueue(queue);
    ctx.log?.(`deleted ${queue} holding ${messageCount} ready messages`);
    await channel.close();
    const until = Date.now() + 30_000;
    while (!(await queueExists(connection, queue))) {
      if (Date.now() > until) throw new Error(`${queue} was not declared again within 30 s`);
      await sleep(100);
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

// checkQueue on a missing queue closes its channel (404), so each look uses a fresh one.
async function queueExists(connection: Awaited<ReturnType<typeof connect>>, queue: string) {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  try {
    await channel.checkQueue(queue);
    await channel.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL out of connections for 5 s: the suite takes every slot of its own server
 * (max_connections, the superuser's reserved ones too), ends the gateway's sessions and takes
 * the slots they free, so each connect of the gateway meets 53300 "too many clients". Intake
 * must answer 503 with Retry-After and store nothing half; every worker must retry.
 */
export async function exhaustConnections(ctx: FaultContext): Promise<void> {
  const holders: Client[] = [];
  const url = ctx.services.pg.url(ctx.database);
  const fill = async () => {
    for (;;) {
      const client = new Client({ connectionString: url, application_name: HOLDER });
      client.on('error', () => undefined);
      try {
        await client.connect();
      } catch (err) {
        if ((err as { code?: string }).code === '53300') return;
        throw err;
      }
      holders.push(client);
    }
  };
  let ended = 0;
  try {
    await fill();
    const until = Date.now() + 5000;
    while (Date.now() < until) {
      const { rowCount } = await holders[0].query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND application_name <> $2 AND backend_type = 'client backend'`,
        [ctx.database, HOLDER],
      );
      ended += rowCount ?? 0;
      await fill();
      await sleep(100);
    }
    ctx.log?.(`held ${holders.length} connections, ended ${ended} gateway sessions`);
  } finally {
    await Promise.all(holders.map((c) => c.end().catch(() => undefined)));
  }
  if (holders.length === 0) throw new Error('no connection slot was taken');
}

const DISK_FULL_TABLES = ['messages', 'documents', 'processed_envelopes'];

/**
 * Disk full for 5 s: every write to the message store, the documents and the handlers' dedupe
 * table fails with 53100 (a trigger, as PostgreSQL says when it cannot extend a file). Intake
 * must answer 503 with Retry-After and store nothing half; the normalizer and the handlers
 * must retry, not fail messages for good.
 */
export async function diskFull(ctx: FaultContext): Promise<void> {
  const client = new Client({ connectionString: ctx.services.pg.url(ctx.database) });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`CREATE OR REPLACE FUNCTION faults_disk_full() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN
        RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100';
      END $$`);
    // One table at a time, outside a transaction: holding one table's lock while waiting for
    // the next deadlocks with the gateway's transactions.
    for (const table of DISK_FULL_TABLES)
      await client.query(`CREATE TRIGGER faults_disk_full BEFORE INSERT OR UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION faults_disk_full()`);
    await sleep(5000);
  } finally {
    for (const table of DISK_FULL_TABLES)
      await client.query(`DROP TRIGGER IF EXISTS faults_disk_full ON ${table}`);
    await client.end();
  }
}

/**
 * A handler that hangs: the suite locks commerce_orders and keeps the lock until every handler
 * statement it caught waiting has been given up by the gateway (cancelled after its handler
 * timeout, the delivery retried). A consumer without a timeout waits for ever: after 30 s the
 * suite lets go and reports it.
 */
export async function hangHandlers(ctx: FaultContext): Promise<void> {
  const holder = new Client({ connectionString: ctx.services.pg.url(ctx.database) });
  holder.on('error', () => undefined);
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE commerce_orders IN ACCESS EXCLUSIVE MODE');
    const caught = await waiting(ctx.pool, ctx.database, 10_000);
    if (caught.size === 0) throw new Error('no handler came to wait on commerce_orders');
    const until = Date.now() + 30_000;
    let still = caught;
    while (still.size > 0 && Date.now() < until) {
      await sleep(200);
      const now = await waiting(ctx.pool, ctx.database, 0);
      still = new Map([...still].filter(([id]) => now.has(id)));
    }
    ctx.log?.(`caught ${caught.size} handler statements hanging, ${still.size} never given up`);
    if (still.size > 0)
      throw new Error(
        `${still.size} handler statements still hanging after 30 s: no timeout (${[...still.values()].join('; ')})`,
      );
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end();
  }
}

// The statements waiting on a lock, by pid and start time (a reused session is a new one), with
// their text. Read outside the holder's transaction: pg_stat_activity is a snapshot taken at its
// first read in a transaction.
async function waiting(pool: Pool, database: string, forMs: number): Promise<Map<string, string>> {
  const until = Date.now() + forMs;
  for (;;) {
    const { rows } = await pool.query<{ id: string; query: string }>(
      `SELECT pid || '@' || query_start AS id, backend_type || ' ' || wait_event || ' by ' || pg_blocking_pids(pid)::text || ' ' || now() - query_start || ': ' || left(query, 100) AS query FROM pg_stat_activity
        WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
`,
      [database],
    );
    if (rows.length > 0 || Date.now() >= until) return new Map(rows.map((r) => [r.id, r.query]));
    await sleep(100);
  }
}
