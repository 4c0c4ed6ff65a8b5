import type { Pool, PoolClient } from 'pg';

/**
 * Takes a client off the pool to LISTEN on `channel`: `onNotify` runs per notification, and
 * `onLost` once when the connection breaks (the client is then released as broken; callers
 * poll until they listen again). A failed LISTEN releases the client and rejects.
 */
export async function listenOn(
  pool: Pool,
  channel: string,
  handlers: { onNotify(): void; onLost(client: PoolClient, err: Error): void },
): Promise<PoolClient> {
  const client = await pool.connect();
  client.on('notification', () => handlers.onNotify());
  client.on('error', (err) => {
    handlers.onLost(client, err);
    client.release(true);
  });
  try {
    await client.query(`LISTEN ${channel}`);
  } catch (err) {
    client.release(true);
    throw err;
  }
  return client;
}

/**
 * A `woken` CTE that sends one NOTIFY on the channel in parameter `channel` when the CTE
 * `rows` holds any row: the listener only needs waking, not one notification per row. The
 * statement must read `woken` (e.g. `LEFT JOIN woken ON true`), or PostgreSQL skips it.
 */
export function notifyOnceCte(channel: string, rows = 'added'): string {
  return `woken AS (SELECT pg_notify(${channel}, '') WHERE EXISTS (SELECT 1 FROM ${rows}))`;
}
