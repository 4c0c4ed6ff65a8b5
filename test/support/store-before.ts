import type { Pool } from 'pg';
import { createPool, ensureDatabase } from '../../core/storage/database';
import { runMigrations } from '../../core/storage/migration';
import { coreMigrations } from '../../core/storage/migrations';
import { dropTestDatabase, testConfig } from './test-config';

/**
 * A fresh database with the core migrations before `id` applied: the store as it was then, for
 * a suite that fills it the old way and checks what migration `id` makes of it. Returns the
 * pool's getter (the pool exists from beforeAll on).
 */
export function useStoreBefore(id: string): () => Pool {
  const config = testConfig();
  let pool: Pool;
  beforeAll(async () => {
    await ensureDatabase(config.database.url);
    pool = createPool(config.database.url);
    await runMigrations(
      pool,
      coreMigrations.filter((m) => m.id < id),
    );
  });
  afterAll(async () => {
    await pool.end();
    await dropTestDatabase(config);
  });
  return () => pool;
}
