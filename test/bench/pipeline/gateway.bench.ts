import { Pool } from 'pg';
import { AmqpConnection } from '../../../core/messaging/amqp-connection';
import { deleteTopology, topologyNames } from '../../../core/messaging/topology';
import { dropBullQueues } from '../../support/bull-cleanup';
import { acmeWebshopSecret, signedHeaders } from '../../support/webhook-signing';
import { benchEnv, dropDatabase, percentile, type BenchEnv } from './bench-env';
import { startGateways, stopGateways } from './gateway-processes';
import { postAll } from './load-client';
import { machineBusyMs, totalCpuMs } from './process-cpu';
import { orderPayload } from './order-payload';

export interface PipelineResult {
  messages: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  processes: number;
  /** Gateway CPU (user + system, all processes) per message, while the run lasted. */
  cpuMsPerMessage?: number;
  /** The whole machine's busy CPU per message (gateways, PostgreSQL, RabbitMQ, load client). */
  machineCpuMsPerMessage?: number;
}

// Used when a gateway cannot tell its handlers (it died): the queues its app declares.
const KNOWN_HANDLERS = ['delivery', 'commerce'];

/**
 * HTTP -> store -> normalize -> publish -> handler, end to end, on real services: `processes`
 * gateway processes share the work; the commerce handler's commit is the end of the pipeline.
 */
export async function runGatewayPipeline(
  count: number,
  concurrency: number,
  processes = 2,
  handlers?: string,
): Promise<PipelineResult> {
  const env = benchEnv();
  const gateways = await startGateways(
    env,
    processes,
    3900 + Math.floor(Math.random() * 50) * 4,
    handlers ? { HANDLERS: handlers } : {},
  );
  const pids = gateways.map((g) => g.child.pid);
  const cpuBefore = totalCpuMs(pids);
  const machineBefore = machineBusyMs();
  const pool = new Pool({ connectionString: env.databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  try {
    const load = await postAll(
      gateways.map((g) => g.url),
      '/inbound/acme-webshop',
      count,
      concurrency,
      (i) => orderPayload(env.id, i),
      // The gateways seed acme-webshop from this process's environment: sign as it says.
      (body) => signedHeaders(acmeWebshopSecret(process.env), body),
    );
    const accepted = load.statuses.get(202) ?? 0;
    if (accepted !== count)
      throw new Error(
        `gateway accepted ${accepted} of ${count}: ${JSON.stringify([...load.statuses])}`,
      );
    await waitProcessed(pool, count);
    // The run's rate ends at the commerce handler; its CPU cost includes every other handler
    // the orders feed (marketing, clearance, ...), so it is read once they are done too.
    await waitSettled(pool);
    const cpuAfter = totalCpuMs(pids);
    const machineAfter = machineBusyMs();
    const done = await pool.query<{ order_no: string; at: number }>(
      `SELECT d.envelope->'refs'->'orderNo'->>0 AS order_no, extract(epoch from p.processed_at) * 1000 AS at
         FROM processed_envelopes p JOIN documents d ON d.id = p.envelope_id WHERE p.consumer = 'commerce'`,
    );
    const latencies: number[] = [];
    let last = 0;
    for (const row of done.rows) {
      const i = Number(row.order_no.split('-').at(-1));
      const at = Number(row.at);
      latencies.push(at - load.sentAt[i]);
      last = Math.max(last, at);
    }
    latencies.sort((a, b) => a - b);
    if (process.env.BENCH_STAGES) {
      const metrics = await (await fetch(`${gateways[0].url}/metrics`)).text();
      console.log(
        metrics
          .split('\n')
          .filter((l) => /tradehub_handler_batch_(seconds|size)_(sum|count)/.test(l))
          .join('\n'),
      );
      const stages = await pool.query(`SELECT
        (SELECT avg(extract(epoch from d.created_at - m.received_at))*1000 FROM documents d JOIN messages m ON m.id = d.message_id) AS to_document_ms,
        (SELECT avg(extract(epoch from published_at - created_at))*1000 FROM outbox WHERE routing_key = 'commerce.order.created') AS doc_outbox_ms`);
      console.log(stages.rows[0]);
    }
    const first = Math.min(...load.sentAt);
    return {
      messages: count,
      perSecond: count / ((last - first) / 1000),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      processes,
      ...(cpuBefore !== undefined && cpuAfter !== undefined
        ? { cpuMsPerMessage: (cpuAfter - cpuBefore) / count }
        : {}),
      ...(machineBefore !== undefined && machineAfter !== undefined
        ? { machineCpuMsPerMessage: (machineAfter - machineBefore) / count }
        : {}),
    };
  } finally {
    await pool.end();
    const handlers = await servedHandlers(gateways[0].url, env.namespace);
    await stopGateways(gateways);
    await cleanup(env, handlers);
  }
}

async function waitProcessed(pool: Pool, count: number): Promise<void> {
  const until = Date.now() + 10 * 60_000;
  while (Date.now() < until) {
    const r = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM processed_envelopes WHERE consumer = 'commerce'`,
    );
    if (r.rows[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('pipeline did not finish in 10 minutes');
}

/** Waits until no handler has recorded an envelope for a second. */
async function waitSettled(pool: Pool): Promise<void> {
  const processed = async () =>
    (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM processed_envelopes`)).rows[0]
      .n;
  let last = -1;
  for (let now = await processed(); now !== last; now = await processed()) {
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * The handler names a running gateway declared queues for, read from its queue-depth metric, so
 * the clean-up deletes every queue the run made (a fixed list left new handlers' queues behind).
 */
export async function servedHandlers(url: string, namespace: string): Promise<string[]> {
  const metrics = await fetch(`${url}/metrics`)
    .then((r) => r.text())
    .catch(() => '');
  const names = new Set(KNOWN_HANDLERS);
  const prefix = `${namespace}q.`;
  for (const [, queue] of metrics.matchAll(/tradehub_queue_depth\{queue="([^"]+)"\}/g)) {
    if (queue.startsWith(prefix)) names.add(queue.slice(prefix.length).replace(/\.dlq$/, ''));
  }
  return [...names];
}

export async function cleanup(env: BenchEnv, handlers: string[]): Promise<void> {
  const admin = await AmqpConnection.open({
    url: env.rabbitUrl,
    connectionName: `${env.namespace}cleanup`,
  });
  await admin.withChannel((ch) =>
    deleteTopology(
      ch,
      topologyNames(env.namespace),
      handlers.map((name) => ({ name, bindings: [] })),
      { retryDelaysMs: [1000, 5000, 30000, 120000] },
    ),
  );
  await admin.close();
  // BENCH_KEEP_DB=1 keeps the run's database to look at its rows and indexes afterwards.
  if (!process.env.BENCH_KEEP_DB) await dropDatabase(env.databaseUrl);
  await dropBullQueues(env.redisUrl, env.bullPrefix);
}
