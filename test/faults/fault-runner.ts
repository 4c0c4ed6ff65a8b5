import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { freePort } from '../support/free-port';
import { pushOrders } from './fault-load';
import { account, backlog, handledOrders, stuckDetail, type Ledger } from './fault-ledger';
import type { FaultContext, Scenario } from './fault-scenarios';
import type { FaultServices } from './fault-services';
import { gatewayChild, type GatewayChild } from './gateway-child';
import { dropFile } from './fault-carrier';

const FILE_EVERY = 50;
const API_EVENT_EVERY = 25;

export interface ScenarioResult extends Ledger {
  scenario: string;
  /** How long the fault lasted (the service down, the gateway restarting). */
  faultMs: number;
  /** From the fault's end until intake answered 2xx and the handler committed again. */
  recoverMs: number | null;
  /** Gateway exits the suite did not cause (it restarted the process each time). */
  gatewayExits: number;
  /** Intake answers 503 (with Retry-After), and other 5xx answers (500, 503 without it). */
  refused: number;
  badRefusals: number;
  settled: boolean;
  /** The fault could not be made as planned (the scenario proved nothing). */
  faultError?: string;
}

export interface RunOptions {
  messages: number;
  inFlight: number;
  /** The fault starts once this share of the messages is acknowledged. */
  faultAt: number;
  /** How long the pipeline may take to drain after the load. */
  settleMs: number;
  log?: (line: string) => void;
}

/** A gateway of one scenario set: its own database, broker namespace and bull prefix. */
export interface FaultGateway {
  gateway: GatewayChild;
  pool: Pool;
  database: string;
  /** Its broker namespace (queue `${namespace}q.commerce`). */
  namespace: string;
  close(): Promise<void>;
}

export async function startFaultGateway(services: FaultServices): Promise<FaultGateway> {
  const id = randomBytes(3).toString('hex');
  const database = `tradehub_faults_${id}`;
  const databaseUrl = await services.createDatabase(database);
  const namespace = `faults-${id}-`;
  const gateway = gatewayChild(await freePort(), {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'error',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '10',
    RABBITMQ_URL: services.rabbit.url,
    RABBITMQ_NAMESPACE: namespace,
    REDIS_URL: services.redis.url,
    BULL_PREFIX: `tradehub-faults-${id}`,
    PARTNER_SEED_DIR: services.seedDir,
    ADMIN_API_KEY: `faults-admin-key-${id}`,
    RETRY_DELAYS_MS: '200,1000,5000',
    // Poll schedules lost with Redis are re-created within 2 s (the carrier polls every 1 s).
    POLL_SCHEDULE_CHECK_MS: '2000',
    // The API carrier is the suite's own server on the loopback.
    OUTBOUND_ALLOW_HTTP: 'true',
    OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32',
    DELIVERY_BACKOFF_MS: '200',
    // A handler stuck longer than this is cancelled and retried (handler-hangs).
    HANDLER_TIMEOUT_MS: '3000',
  });
  await gateway.start();
  const pool = new Pool({ connectionString: databaseUrl, max: 3 });
  // The suite restarts this database itself: a dropped idle client is no failure.
  pool.on('error', () => undefined);
  return {
    gateway,
    pool,
    database,
    namespace,
    close: async () => {
      await gateway.stop();
      await pool.end();
    },
  };
}

/** Pushes the load, breaks what the scenario breaks at `faultAt`, drains, and accounts. */
export async function runScenario(
  scenario: Scenario,
  services: FaultServices,
  target: FaultGateway,
  options: RunOptions,
): Promise<ScenarioResult> {
  const run = randomBytes(3).toString('hex');
  const exitsBefore = target.gateway.unexpectedExits;
  const supervisor = supervise(target.gateway, options.log);
  let files = 0;
  const apiIds: string[] = [];
  const fault = new FaultClock(scenario, {
    services,
    ...target,
    run,
    claimFile: () => files++,
    log: options.log,
  });
  const load = await pushOrders({
    url: target.gateway.url,
    run,
    count: options.messages,
    inFlight: options.inFlight,
    triplicateEvery: scenario.triplicateEvery,
    // The last 30% wait until the fault is over: the flow runs before, during and after it.
    holdFrom: Math.max(
      Math.ceil(options.messages * 0.7),
      Math.ceil(options.messages * options.faultAt) + options.inFlight,
    ),
    hold: () => {
      fault.start(); // too few acknowledged to reach `faultAt`: late, but never skipped
      return fault.over;
    },
    onAcked: (acked) => {
      fault.acked();
      // The carrier drops one file for every 50 orders, before, during and after the fault.
      if (acked % FILE_EVERY === 0) dropFile(services.sftp, run, files++);
      // The API carrier has one new T&T event for every 25 orders.
      if (acked % API_EVENT_EVERY === 0) apiIds.push(services.api.addEvent(run));
      if (acked >= options.messages * options.faultAt) fault.start();
    },
  });
  fault.start();
  await fault.over;
  const orders = load.acked.size;
  const handledAgain = await firstHandledAfter(
    target.pool,
    run,
    fault.end,
    orders,
    options.settleMs,
  );
  const settled = await untilSettled(target.pool, run, { orders, files, apiIds }, options.settleMs);
  supervisor.stop();
  const ledger = await account(target.pool, run, load, files, apiIds);
  if (ledger.stuck > 0) options.log?.(`${scenario.name}: stuck ${await stuckDetail(target.pool)}`);
  return {
    scenario: scenario.name,
    ...ledger,
    ...fault.times(handledAgain),
    gatewayExits: target.gateway.unexpectedExits - exitsBefore,
    refused: load.statuses.get(503) ?? 0,
    badRefusals: load.badRefusals,
    settled,
    faultError:
      fault.error ??
      (scenario.refusesIntake && !load.statuses.get(503)
        ? 'intake never answered 503 during the fault'
        : undefined),
  };
}

/** One scenario's fault: started once, when it ended, and the first 2xx after its end. */
class FaultClock {
  start: () => void;
  readonly over: Promise<void>;
  startedAt = 0;
  end = 0;
  firstAckAfter = 0;
  error: string | undefined;

  constructor(scenario: Scenario, ctx: FaultContext) {
    let done: () => void = () => undefined;
    this.over = new Promise<void>((resolve) => (done = resolve));
    this.start = () => {
      if (this.startedAt) return;
      this.startedAt = Date.now();
      ctx.log?.(`${scenario.name}: fault starts`);
      void scenario
        .inject(ctx)
        .catch((err: unknown) => {
          this.error = err instanceof Error ? err.message : String(err);
        })
        .then(() => {
          this.end = Date.now();
          ctx.log?.(`${scenario.name}: fault over after ${this.end - this.startedAt} ms`);
          done();
        });
    };
  }

  acked(): void {
    if (this.end && !this.firstAckAfter) this.firstAckAfter = Date.now();
  }

  /** How long it lasted, and from its end until intake and the handler worked again. */
  times(handledAgain: number | undefined): { faultMs: number; recoverMs: number | null } {
    const recovered = Math.max(this.firstAckAfter || this.end, handledAgain ?? Number.NaN);
    return {
      faultMs: this.end - this.startedAt,
      recoverMs: Number.isNaN(recovered) ? null : Math.max(0, recovered - this.end),
    };
  }
}

interface Done {
  orders: number;
  files: number;
  apiIds: readonly string[];
}

// The suite is the gateway's supervisor: one that died by itself is started again (and counted).
function supervise(gateway: GatewayChild, log?: (line: string) => void): { stop(): void } {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    gateway
      .reviveIfDead()
      .then((revived) => {
        if (revived) log?.(`gateway died by itself and was restarted:\n${gateway.stderrTail()}`);
      })
      .catch((err: unknown) => log?.(`gateway restart failed: ${String(err)}`))
      .finally(() => (busy = false));
  }, 500);
  return { stop: () => clearInterval(timer) };
}

// When the commerce handler committed again after the fault (the database's clock); the fault's
// end when the backlog was already drained by then (nothing left to handle).
async function firstHandledAfter(pool: Pool, run: string, at: number, acked: number, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const { rows } = await pool
      .query<{ at: Date | null }>(
        `SELECT min(processed_at) AS at FROM processed_envelopes
          WHERE consumer = 'commerce' AND processed_at >= $1`,
        [new Date(at)],
      )
      .catch(() => ({ rows: [{ at: null }] }));
    if (rows[0].at) return rows[0].at.getTime();
    const drained = await handledOrders(pool, run).catch(() => 0);
    if (drained >= acked) return at;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

// Drained: every acknowledged order handled, every file answered, inbox, outbox and outbound
// deliveries empty, and nothing moving for 3 s.
async function untilSettled(pool: Pool, run: string, done: Done, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  let last = '';
  let quiet = 0;
  while (Date.now() < until) {
    const state = await backlog(pool, run, done.apiIds).catch(() => undefined);
    const finished =
      state &&
      state.orders >= done.orders &&
      state.files >= done.files &&
      state.api >= done.apiIds.length;
    if (state && finished && state.pending === 0 && state.mark === last) {
      if (++quiet >= 3) return true;
    } else quiet = 0;
    last = state?.mark ?? '';
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}
