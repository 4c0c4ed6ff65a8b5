import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

/** A 64-bit advisory lock key from a hash of a name (no collisions to fear). */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(`tradehub:${name}`).digest().readBigInt64BE().toString();
}

/**
 * Runs `work` holding a session-level PostgreSQL advisory lock (one poll target, the
 * housekeeping round), or returns 'locked' at once when another process holds it. The lock
 * lives with the connection: a process that dies mid-work frees it.
 */
export async function withAdvisoryLock<T>(
  pool: Pool,
  name: string,
  work: () => Promise<T>,
): Promise<T | 'locked'> {
  const key = advisoryLockKey(name);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock($1::bigint) AS ok',
      [key],
    );
    if (!rows[0]?.ok) return 'locked';
    try {
      return await work();
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1::bigint)', [key])
        .catch((err: Error) => (broken = err));
    }
  } finally {
    // A connection whose unlock failed must not go back to the pool still holding the lock.
    client.release(broken);
  }
}
