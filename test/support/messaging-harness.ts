import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Pool, PoolClient } from 'pg';
import type { AppConfig } from '../../core/config/config';
import { createEnvelope, type Envelope } from '../../core/envelope/envelope';
import { AmqpConnection } from '../../core/messaging/amqp-connection';
import type { EnvelopeHandler } from '../../core/messaging/envelope-consumer';
import {
  deleteTopology,
  topologyNames,
  type ConsumerDefinition,
  type TopologyNames,
} from '../../core/messaging/topology';
import { createPool, ensureDatabase } from '../../core/storage/database';
import { runMigrations } from '../../core/storage/migration';
import { coreMigrations } from '../../core/storage/migrations';
import { dropTestDatabase, testConfig } from './test-config';

const run = promisify(execFile);

interface Stoppable {
  stop(): Promise<void>;
}

/** A test file's database, namespace and broker connections, torn down by `close()`. */
export interface MessagingHarness {
  config: AppConfig;
  pool: Pool;
  names: TopologyNames;
  /** Opens a connection named `<namespace><suffix>` (closed by `close()`). */
  connect(suffix: string): Promise<AmqpConnection>;
  /** Another pool on the test database (ended by `close()`). */
  newPool(): Pool;
  /** Registers relays/consumers to stop first at `close()`. */
  track<T extends Stoppable>(thing: T): T;
  /** Consumers whose queues `close()` deletes. */
  consumers: ConsumerDefinition[];
  close(): Promise<void>;
}

export async function startMessagingHarness(
  env: Record<string, string> = {},
): Promise<MessagingHarness> {
  const config = testConfig(env);
  await ensureDatabase(config.database.url);
  const pool = createPool(config.database.url, config.database.poolMax);
  await runMigrations(pool, coreMigrations);
  const pools: Pool[] = [pool];
  const connections: AmqpConnection[] = [];
  const stoppables: Stoppable[] = [];
  const names = topologyNames(config.rabbit.namespace);
  const harness: MessagingHarness = {
    config,
    pool,
    names,
    consumers: [],
    async connect(suffix) {
      const connection = await AmqpConnection.open({
        url: config.rabbit.url,
        connectionName: `${config.rabbit.namespace}${suffix}`,
        reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 },
      });
      connections.push(connection);
      return connection;
    },
    newPool() {
      const extra = createPool(config.database.url, config.database.poolMax);
      pools.push(extra);
      return extra;
    },
    track(thing) {
      stoppables.push(thing);
      return thing;
    },
    async close() {
      for (const s of stoppables.reverse()) await s.stop();
      const admin = await AmqpConnection.open({
        url: config.rabbit.url,
        connectionName: `${config.rabbit.namespace}cleanup`,
      });
      await admin.withChannel((ch) => deleteTopology(ch, names, harness.consumers, config.rabbit));
      for (const c of [admin, ...connections]) await c.close();
      for (const p of pools) await p.end();
      await dropTestDatabase(config);
    },
  };
  return harness;
}

/** Polls until `check` returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A valid envelope of type `test.shipment.status` (routing key) for messaging tests. */
export function testEnvelope(overrides: Partial<Envelope> = {}): Envelope {
  const envelope = createEnvelope({
    type: 'test.shipment.status',
    documentType: 'ShipmentEvent',
    version: '1',
    payload: { status: 'departed' },
    source: { partnerId: 'carrier-test', connector: 'test', transport: 'memory', format: 'json' },
    refs: { blNo: ['BL0001'] },
    receivedAt: new Date().toISOString(),
    clientId: 'client-a',
  });
  return { ...envelope, ...overrides };
}

/** Table the test handlers write one row per handled envelope to (no unique key: dups show). */
export async function createHandledTable(pool: Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS handled (
    consumer text NOT NULL, envelope_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
}

/** Rows written by handler `consumer`: total and distinct envelopes. */
export async function handledCounts(
  pool: Pool,
  consumer: string,
): Promise<{ total: number; distinct: number }> {
  const { rows } = await pool.query<{ total: string; distinct: string }>(
    'SELECT count(*) AS total, count(DISTINCT envelope_id) AS distinct FROM handled WHERE consumer = $1',
    [consumer],
  );
  return { total: Number(rows[0].total), distinct: Number(rows[0].distinct) };
}

/** A handler that records each envelope in `handled`, after an optional `before` hook. */
export function recordingHandler(
  name: string,
  before?: (envelope: Envelope, tx: PoolClient) => Promise<void>,
  bindings: string[] = ['test.#'],
): EnvelopeHandler {
  return {
    name,
    bindings,
    async handle(envelope, tx) {
      await before?.(envelope, tx);
      await tx.query('INSERT INTO handled (consumer, envelope_id) VALUES ($1, $2)', [
        name,
        envelope.id,
      ]);
    },
  };
}

/** Broker pids of the connections whose connection_name is exactly `name`. */
export async function brokerConnectionPids(name: string): Promise<string[]> {
  const { stdout } = await run('rabbitmqctl', [
    'list_connections',
    '-q',
    '--no-table-headers',
    'pid',
    'client_properties',
  ]);
  const marker = `{"connection_name","${name}"}`;
  return stdout
    .split('\n')
    .filter((line) => line.includes(marker))
    .map((line) => line.split('\t')[0]);
}

/**
 * Force-closes broker connections by pid, like a broker or network failure would
 * (CONNECTION_FORCED); other helpers' connections on the same broker stay untouched.
 */
export async function closeBrokerConnections(pids: readonly string[]): Promise<void> {
  await Promise.all(
    pids.map((pid) => run('rabbitmqctl', ['close_connection', pid, 'test: forced close'])),
  );
}
