import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import type { FaultServices } from './fault-services';
import type { GatewayChild } from './gateway-child';
import { deleteQueue, diskFull, exhaustConnections, hangHandlers } from './fault-store-broker';
import { dropSftp, duplicateFiles, halfWrittenFile } from './fault-sftp';
import { duplicatePages } from './fault-api';

export interface FaultContext {
  services: FaultServices;
  gateway: GatewayChild;
  /** The suite's own connection to the scenario's database (it survives restarts). */
  pool: Pool;
  database: string;
  /** The gateway's broker namespace. */
  namespace: string;
  /** The run's id (order numbers, file references). */
  run: string;
  /** Reserves the next carrier file number for a file the scenario puts itself. */
  claimFile(): number;
  log?: (line: string) => void;
}

export interface Scenario {
  name: string;
  /** Every n-th message is posted three times at once. */
  triplicateEvery?: number;
  /** The fault stops intake for a while: at least one 503 must be answered. */
  refusesIntake?: boolean;
  /** Breaks something while the load runs; resolves once the broken thing is back. */
  inject(ctx: FaultContext): Promise<void>;
}

/**
 * A handler that dies before its ack: the commerce handler's database session is terminated
 * while its transaction is open (its INSERT into commerce_orders sent, the commit not), so the
 * handler throws, nothing it wrote stays, and the envelope must come back. Kept up for 5 s.
 */
async function crashHandlers(ctx: FaultContext): Promise<void> {
  const until = Date.now() + 5000;
  let killed = 0;
  while (Date.now() < until) {
    const { rowCount } = await ctx.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()
          AND state IN ('active', 'idle in transaction') AND query ILIKE '%commerce_orders%'`,
      [ctx.database],
    );
    killed += rowCount ?? 0;
    await sleep(50);
  }
  ctx.log?.(`terminated ${killed} handler sessions inside their transaction`);
  // A run where no handler was hit proved nothing: say so in the table.
  if (killed === 0) throw new Error('no handler transaction was caught open');
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'baseline', inject: async () => undefined },
  {
    name: 'rabbitmq-stop-start',
    inject: async (ctx) => {
      const { services } = ctx;
      const t0 = Date.now();
      await services.rabbit.stop();
      const t1 = Date.now();
      await sleep(3000);
      await services.rabbit.start();
      ctx.log?.(`rabbitmq stopped in ${t1 - t0} ms, started in ${Date.now() - t1 - 3000} ms`);
    },
  },
  {
    name: 'rabbitmq-close-connections',
    inject: async ({ services }) => {
      await services.rabbit.closeConnections();
      await sleep(2000);
      await services.rabbit.closeConnections();
    },
  },
  {
    name: 'postgres-restart-fast',
    inject: ({ services }) => services.pg.restartAsync('fast'),
  },
  {
    name: 'postgres-restart-immediate',
    inject: ({ services }) => services.pg.restartAsync('immediate'),
  },
  {
    name: 'redis-restart',
    inject: ({ services }) => services.redis.restart(),
  },
  {
    name: 'gateway-sigkill-twice',
    inject: async ({ gateway }) => {
      await gateway.kill('SIGKILL');
      await gateway.start();
      await sleep(1500);
      await gateway.kill('SIGKILL');
      await gateway.start();
    },
  },
  { name: 'handler-crash-before-ack', inject: crashHandlers },
  { name: 'duplicate-deliveries', triplicateEvery: 10, inject: async () => undefined },
  { name: 'rabbitmq-queue-deleted', inject: deleteQueue },
  { name: 'postgres-connections-exhausted', refusesIntake: true, inject: exhaustConnections },
  { name: 'postgres-disk-full', refusesIntake: true, inject: diskFull },
  { name: 'handler-hangs', inject: hangHandlers },
  { name: 'sftp-dropped-mid-transfer', inject: dropSftp },
  { name: 'sftp-half-written-file', inject: halfWrittenFile },
  { name: 'sftp-duplicate-files', inject: duplicateFiles },
  { name: 'api-duplicate-pages', inject: duplicatePages },
];

export function scenarioNamed(name: string): Scenario {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario)
    throw new Error(`no scenario ${name}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return scenario;
}
