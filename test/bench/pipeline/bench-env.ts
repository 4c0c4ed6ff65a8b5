import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** One benchmark run's own database, broker namespace and bull prefix on the local services. */
export interface BenchEnv {
  id: string;
  databaseUrl: string;
  rabbitUrl: string;
  namespace: string;
  redisUrl: string;
  bullPrefix: string;
}

export function benchEnv(): BenchEnv {
  const id = randomBytes(3).toString('hex');
  const pg = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  pg.pathname = `/tradehub_bench_${id}`;
  return {
    id,
    databaseUrl: pg.toString(),
    rabbitUrl: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    namespace: `bench-${id}-`,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    bullPrefix: `tradehub-bench-${id}`,
  };
}

export async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
