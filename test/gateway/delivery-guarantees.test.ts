import { testConfig } from '../support/test-config';
import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { brokerConnectionPids, closeBrokerConnections } from '../support/messaging-harness';
import {
  RecordingHandlerModule,
  behaviour,
  createReceivedTable,
  received,
} from '../support/recording-handler';

const post = (gw: TestGateway, orderNo: string) =>
  gw.request('/inbound/shop-g', { method: 'POST', json: orderJson(orderNo) }).then((r) => r.status);

async function countByOrder(gw: TestGateway, prefix: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const row of await received(gw.pool)) {
    const orderNo = row.body.refs.orderNo?.[0];
    if (orderNo?.startsWith(prefix)) counts.set(orderNo, (counts.get(orderNo) ?? 0) + 1);
  }
  return counts;
}

describe('nothing lost, nothing processed twice', () => {
  afterEach(() => {
    behaviour.mode = 'record';
    behaviour.failures = 0;
  });

  it('survives the broker closing every connection while messages flow', async () => {
    const gw = await startTestGateway({ imports: [RecordingHandlerModule] });
    try {
      await createReceivedTable(gw.pool);
      await gw.partners.upsert(genericPartner('shop-g'));
      const total = 200;
      const sending = Promise.all(Array.from({ length: total }, (_, i) => post(gw, `SO-CUT-${i}`)));
      // Cut the connections while the flow is under way: once the first envelope is handled.
      await eventually(async () => (await received(gw.pool)).length > 0);
      const base = `tradehub-${gw.config.rabbit.namespace}-${process.pid}`;
      const pids = [
        ...(await brokerConnectionPids(`${base}-publisher`)),
        ...(await brokerConnectionPids(`${base}-consumer`)),
      ];
      expect(pids).toHaveLength(2);
      await closeBrokerConnections(pids);
      expect((await sending).every((s) => s === 202)).toBe(true);
      const counts = await eventually(async () => {
        const c = await countByOrder(gw, 'SO-CUT-');
        return c.size === total && c;
      }, 40000);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const health = await eventually(async () => {
        const r = await gw.request('/health');
        return r.status === 200 && r;
      });
      expect(health.status).toBe(200);
    } finally {
      await stopTestGateway(gw);
    }
  });

  it('shares the work between two gateway processes, each message handled once', async () => {
    const config = testConfig();
    const first = await startTestGateway({ config, imports: [RecordingHandlerModule] });
    const second = await startTestGateway({ config, imports: [RecordingHandlerModule] });
    try {
      await createReceivedTable(first.pool);
      await first.partners.upsert(genericPartner('shop-g'));
      await second.partners.reload();
      const statuses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => post(i % 2 === 0 ? first : second, `SO-TWO-${i}`)),
      );
      expect(statuses.every((s) => s === 202)).toBe(true);
      const counts = await eventually(async () => {
        const c = await countByOrder(first, 'SO-TWO-');
        return c.size === 100 && c;
      }, 30000);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      // Both instances consumed: they compete on the same queues.
      const instances = await first.pool.query(
        `SELECT count(DISTINCT instance) AS n FROM test_received`,
      );
      expect(Number(instances.rows[0].n)).toBe(2);
    } finally {
      await second.close();
      await stopTestGateway(first);
    }
  });

  it('normalizes and publishes what was stored while no worker ran, after the workers start', async () => {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    const apiOnly = await startTestGateway({ config });
    await apiOnly.partners.upsert(genericPartner('shop-g'));
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(apiOnly, `SO-LATE-${i}`)),
    );
    expect(statuses.every((s) => s === 202)).toBe(true);
    const pending = await apiOnly.pool.query('SELECT count(*)::int AS n FROM normalizer_inbox');
    expect(pending.rows[0].n).toBe(20);
    await apiOnly.close(); // the workers "die" with messages stored but not normalized

    const worker = await startTestGateway({
      config: { ...config, workersEnabled: true },
      imports: [RecordingHandlerModule],
    });
    try {
      await createReceivedTable(worker.pool);
      const counts = await eventually(async () => {
        const c = await countByOrder(worker, 'SO-LATE-');
        return c.size === 20 && c;
      }, 30000);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await stopTestGateway(worker);
    }
  });

  it('retries a transient failure, dead-letters a permanent one with its reason, and requeues it', async () => {
    const gw = await startTestGateway({ imports: [RecordingHandlerModule] });
    try {
      await createReceivedTable(gw.pool);
      await gw.partners.upsert(genericPartner('shop-g'));

      behaviour.mode = 'transient-once';
      expect(await post(gw, 'SO-RETRY-1')).toBe(202);
      await eventually(
        async () => (await countByOrder(gw, 'SO-RETRY-')).get('SO-RETRY-1') === 1,
        20000,
      );
      expect(behaviour.failures).toBe(1);

      behaviour.mode = 'permanent';
      behaviour.failures = 0;
      expect(await post(gw, 'SO-POISON-1')).toBe(202);
      const list = await eventually(async () => {
        const r = (await (await gw.request('/dead-letters', { key: gw.adminKey })).json()) as {
          items: Array<{ id: string; consumer: string; reason: string; errorKind: string }>;
        };
        return r.items.find((d) => d.consumer === 'test-recorder') && r.items;
      }, 20000);
      const dead = list.find((d) => d.consumer === 'test-recorder')!;
      expect(dead.reason).toBe('order lines do not add up (test)');
      expect(dead.errorKind).toBe('rejected');
      expect(behaviour.failures).toBe(1); // no retries for a permanent error
      expect((await countByOrder(gw, 'SO-POISON-')).size).toBe(0); // its effects rolled back

      behaviour.mode = 'record';
      const viewer = await gw.key('viewer');
      expect(
        (await gw.request(`/dead-letters/${dead.id}/requeue`, { method: 'POST', key: viewer }))
          .status,
      ).toBe(403);
      expect(
        (await gw.request(`/dead-letters/${dead.id}/requeue`, { method: 'POST', key: gw.adminKey }))
          .status,
      ).toBe(202);
      await eventually(
        async () => (await countByOrder(gw, 'SO-POISON-')).get('SO-POISON-1') === 1,
        20000,
      );
      expect(
        (await gw.request(`/dead-letters/${dead.id}/requeue`, { method: 'POST', key: gw.adminKey }))
          .status,
      ).toBe(422);
    } finally {
      await stopTestGateway(gw);
    }
  });
});
