import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

/** A 64-bit advisory lock key for a poll target, from a hash of its name (no collisions to fear). */
export function pollLockKey(name: string): string {
  return createHash('sha256').update(`tradehub-poll:${name}`).digest().readBigInt64BE().toString();
}

/**
 * Runs `work` holding a session-level PostgreSQL advisory lock for one partner transport, or
 * returns 'locked' at once when another process (or job) holds it. The lock lives with the
 * connection: a process that dies mid-poll frees it.
 */
export async function withPollLock<T>(
  pool: Pool,
  name: string,
  work: () => Promise<T>,
): Promise<T | 'locked'> {
  const key = pollLockKey(name);
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
