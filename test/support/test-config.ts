import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig, type AppConfig } from '../../core/config/config';

/**
 * A configuration of its own for one test file: its own PostgreSQL database, RabbitMQ
 * namespace and bull prefix on the real local services, so suites can run side by side.
 */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  const id = randomBytes(4).toString('hex');
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbUrl = new URL(base);
  dbUrl.pathname = `/tradehub_t_${id}`;
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl.toString(),
    DATABASE_POOL_MAX: '8',
    RABBITMQ_URL: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    RABBITMQ_NAMESPACE: `t-${id}-`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    BULL_PREFIX: `tradehub-t-${id}`,
    ADMIN_API_KEY: 'test-admin-key-0123456789',
    RETRY_DELAYS_MS: '100,200',
    OUTBOX_POLL_MS: '50',
    DELIVERY_BACKOFF_MS: '50',
    DELIVERY_ATTEMPTS: '3',
    // Tests talk to local servers and nock hosts over plain http.
    OUTBOUND_ALLOW_HTTP: 'true',
    OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128',
    ...env,
  });
}

/** Drops the test file's database (after its pools are closed). */
export async function dropTestDatabase(config: AppConfig): Promise<void> {
  const url = new URL(config.database.url);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
