import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { PollWorker } from '../../gateway/connectors/poll.worker';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { startOwnRedis, type OwnRedis } from '../support/own-redis';

const PARTNER = 'tnt-redis';
const TARGET = `${PARTNER}/dcsa-tnt/0`;

// The gateway's bull queues on a Redis of this file's own, restarted without persistence.
describe('poll schedules after Redis loses them', () => {
  let redis: OwnRedis;
  let gw: TestGateway;
  let worker: PollWorker;

  const lastRun = async (): Promise<number> => {
    const { rows } = await gw.pool.query<{ value: string }>(
      `SELECT value FROM poll_state WHERE partner_id = $1 AND key = 'last-run'`,
      [PARTNER],
    );
    return rows[0] ? Date.parse(rows[0].value) : 0;
  };
  const scheduled = async () =>
    (await worker.queue.getRepeatableJobs()).some((j) => j.id === TARGET);
  const operations = async () =>
    (
      (await (await gw.request(`/partners/${PARTNER}`, { key: gw.adminKey })).json()) as {
        operations: { polls: { overdue: boolean }[]; circuits: { state: string }[] };
      }
    ).operations;

  beforeAll(async () => {
    redis = await startOwnRedis();
    // The periodic check is far off: the re-assertion seen here comes from the reconnect.
    gw = await startTestGateway({
      env: { REDIS_URL: redis.url, POLL_SCHEDULE_CHECK_MS: '3600000' },
    });
    worker = gw.app.get(PollWorker);
    // A carrier API that is not there: each poll fails fast, but the schedule still runs.
    await gw.partners.upsert({
      id: PARTNER,
      name: 'Carrier with a lost schedule',
      kind: 'carrier',
      connector: 'carrier-dcsa',
      transports: [
        {
          kind: 'dcsa-tnt',
          direction: 'in',
          baseUrl: 'http://127.0.0.1:9/v2',
          pollIntervalSec: 1,
          http: { retries: 0 },
        },
      ],
    });
    await gw.app.get(PollRuntime).resync();
  });
  afterAll(async () => {
    await stopTestGateway(gw);
    await redis?.stop();
  });

  it('re-creates the repeatable jobs when Redis comes back empty, and polls again', async () => {
    await eventually(async () => (await lastRun()) > 0);
    await redis.restart();
    const back = Date.now();
    expect(await eventually(scheduled)).toBe(true);
    expect(await eventually(async () => (await lastRun()) >= back, 20_000)).toBe(true);
  });

  it('shows a target not polled within its interval as overdue until it is re-asserted', async () => {
    for (const job of await worker.queue.getRepeatableJobs())
      await worker.queue.removeRepeatableByKey(job.key);
    expect(
      await eventually(async () => (await operations()).polls.every((p) => p.overdue), 20_000),
    ).toBe(true);
    const metrics = await (await gw.request('/metrics')).text();
    expect(metrics).toContain(
      `tradehub_poll_overdue{partner="${PARTNER}",transport="dcsa-tnt/0"} 1`,
    );
    const ready = await (await gw.request('/health/ready')).json();
    expect(ready).toMatchObject({ info: { 'poll-schedules': { overdue: [TARGET] } } });

    const lost = await gw.app.get(PollRuntime).reassert('test');
    expect(lost.map((t) => t.partnerId)).toContain(PARTNER);
    expect(
      await eventually(async () => (await operations()).polls.every((p) => !p.overdue), 20_000),
    ).toBe(true);
  });

  it('shows the endpoint circuit of the partner it calls', async () => {
    const { circuits } = await operations();
    expect(circuits).toEqual([
      expect.objectContaining({ transport: 'dcsa-tnt', endpoint: 'http://127.0.0.1:9/v2' }),
    ]);
  });
});
