import { Writable } from 'node:stream';
import pino from 'pino';
import { withAdvisoryLock } from '../../core/storage/advisory-lock';
import { inTransaction } from '../../core/storage/database';
import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { freePort } from '../support/free-port';
import { startOwnPostgres, type OwnPostgres } from '../support/own-postgres';
import { testConfig } from '../support/test-config';

// The gateway against a PostgreSQL server of this file's own, stopped and restarted under it.
describe('a PostgreSQL restart under a running gateway', () => {
  let pg: OwnPostgres;
  let gw: TestGateway;

  const post = (orderNo: string) =>
    gw.request('/inbound/shop-pg', { method: 'POST', json: orderJson(orderNo) });
  const ready = async () => (await gw.request('/health/ready')).status === 200;
  const stored = async () =>
    Number(
      (
        await gw.pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM messages WHERE partner_id = 'shop-pg'`,
        )
      ).rows[0].n,
    );

  beforeAll(async () => {
    pg = await startOwnPostgres();
    gw = await startTestGateway({ config: testConfig({ DATABASE_URL: pg.url('tradehub_pg') }) });
    await gw.partners.upsert(genericPartner('shop-pg'));
  });
  afterAll(async () => {
    await stopTestGateway(gw);
    pg?.destroy();
  });

  it('lives through a fast restart with clients checked out, and their work fails over', async () => {
    let restarted!: () => void;
    const afterRestart = new Promise<void>((resolve) => (restarted = resolve));
    // An advisory lock holder and an open transaction hold their clients across the restart:
    // 57P01 arrives on checked-out clients, which once crashed the process.
    let holding = 0;
    const lockHolder = withAdvisoryLock(gw.pool, 'restart-test', async () => {
      holding++;
      await afterRestart;
    });
    const transaction = inTransaction(gw.pool, async (tx) => {
      await tx.query('SELECT 1');
      holding++;
      await afterRestart;
      await tx.query('SELECT 1');
    });
    await eventually(async () => holding === 2);
    pg.restart('fast');
    restarted();
    await expect(lockHolder).resolves.toBeUndefined();
    await expect(transaction).rejects.toThrow(/terminat|not queryable|Connection/i);

    expect(await eventually(async () => (await post('SO-PG-FAST')).status === 202)).toBe(true);
    expect(await eventually(ready)).toBe(true);
    expect(await stored()).toBe(1);
  });

  it('answers 503 with Retry-After while the database is down, and serves when it is back', async () => {
    pg.stop('immediate');
    const refused = await post('SO-PG-DOWN');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ error: { code: 'dependency-unavailable' } });
    const notReady = await gw.request('/health/ready');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ error: { database: { status: 'down' } } });
    expect((await gw.request('/health/live')).status).toBe(200);

    pg.start();
    expect(await eventually(async () => (await post('SO-PG-BACK')).status === 202)).toBe(true);
    expect(await eventually(ready)).toBe(true);
    expect(await stored()).toBe(2);
  });

  it('waits at boot until the database answers, saying so in the log and in /health/ready', async () => {
    pg.stop('immediate');
    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const port = String(await freePort());
    const config = testConfig({ DATABASE_URL: pg.url('tradehub_pg_boot'), PORT: port });
    const booting = startTestGateway({ config, logger });
    await eventually(async () => lines.some((l) => l.includes('PostgreSQL is not reachable yet')));
    // Before the gateway is up, its port says what it waits for.
    const waiting = await eventually(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      return res?.status === 503 && ((await res.json()) as { waitingFor: string });
    });
    expect(waiting.waitingFor).toBe('postgresql');
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    pg.start();
    const late = await booting;
    try {
      expect((await late.request('/health/ready')).status).toBe(200);
    } finally {
      await stopTestGateway(late);
    }
  });
});
