import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Pool } from 'pg';
import { benchEnv, dropDatabase, percentile } from './bench-env';
import { startGateways, stopGateways } from './gateway-processes';
import { cleanup, servedHandlers } from './gateway.bench';
import { postAll, type LoadResult } from './load-client';

export interface WebhookResult {
  perSecond: number;
  /** p99 acknowledgement latency of a paced run at half the measured rate. */
  p99HalfRateMs: number;
}

// The seeded shop (gateway/seed/partners/shopee-sg-demo.yaml) with its environment defaults.
const KEY = process.env.TRADEHUB_SEED_SHOPEE_PARTNER_KEY ?? 'demo-only-shopee-partner-key';
const CALLBACK =
  process.env.TRADEHUB_SEED_SHOPEE_CALLBACK_URL ?? 'https://hub.example.com/inbound/shopee-sg-demo';

/** A code 3 push of its own order (distinct content, so none is a duplicate). */
const push = (run: string, i: number) =>
  Buffer.from(
    JSON.stringify({
      msg_id: `${run}-${i}`,
      shop_id: 600123,
      code: 3,
      timestamp: 1793764800 + i,
      data: { ordersn: `BENCH${run}${i}`, status: 'READY_TO_SHIP', update_time: 1793764800 + i },
    }),
  );
const sign = (body: Buffer) => ({
  authorization: createHmac('sha256', KEY)
    .update(Buffer.concat([Buffer.from(`${CALLBACK}|`), body]))
    .digest('hex'),
});

/** Closed load for the rate, then an open load at half of it for the acknowledgement p99. */
async function measure(
  url: string,
  path: string,
  count: number,
  concurrency: number,
  run: string,
  ok: number,
) {
  const check = (r: LoadResult) => {
    if ((r.statuses.get(ok) ?? 0) !== r.ackMs.length)
      throw new Error(`${url}${path}: ${JSON.stringify([...r.statuses])}`);
  };
  const full = await postAll([url], path, count, concurrency, (i) => push(`${run}a`, i), sign);
  check(full);
  const perSecond = count / (full.elapsedMs / 1000);
  const half = await postAll(
    [url],
    path,
    count,
    concurrency,
    (i) => push(`${run}b`, i),
    sign,
    perSecond / 2,
  );
  check(half);
  const sorted = [...half.ackMs].sort((a, b) => a - b);
  return { perSecond, p99HalfRateMs: percentile(sorted, 99) };
}

/** The ceiling: a bare Node server that verifies the signature and writes the row, nothing else. */
export async function runBareWebhook(count: number, concurrency: number): Promise<WebhookResult> {
  const env = benchEnv();
  const admin = new URL(env.databaseUrl);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const pool = new Pool({ connectionString: env.databaseUrl, max: 20 });
  // DROP DATABASE ... WITH (FORCE) at the end may still find a closing client: not a failure.
  pool.on('error', () => undefined);
  await pool.query(
    'CREATE TABLE pushes (id uuid PRIMARY KEY, raw bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now())',
  );
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(sign(body).authorization);
      const given = Buffer.from(String(req.headers.authorization ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401).end();
        return;
      }
      pool.query('INSERT INTO pushes (id, raw) VALUES ($1, $2)', [randomUUID(), body]).then(
        () => res.writeHead(204).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    return await measure(url, '/push', count, concurrency, env.id, 204);
  } finally {
    server.close();
    await pool.end();
    await dropDatabase(env.databaseUrl);
  }
}

/** Signed Shopee pushes to one gateway: verify, store, acknowledge (processing runs after). */
export async function runGatewayWebhook(
  count: number,
  concurrency: number,
): Promise<WebhookResult> {
  const env = benchEnv();
  const gateways = await startGateways(env, 1, 4000 + Math.floor(Math.random() * 50) * 2);
  try {
    return await measure(
      gateways[0].url,
      '/inbound/shopee-sg-demo',
      count,
      concurrency,
      env.id,
      202,
    );
  } finally {
    const handlers = await servedHandlers(gateways[0].url, env.namespace);
    await stopGateways(gateways);
    await cleanup(env, handlers);
  }
}
