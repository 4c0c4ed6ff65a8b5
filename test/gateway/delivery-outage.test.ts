import { randomUUID } from 'node:crypto';
import { createLogger } from '../../core/logging/logger';
import type { DeliveryJob, DeliveryService } from '../../gateway/outbound/delivery.service';
import { DeliveryWorker } from '../../gateway/outbound/delivery.worker';
import { dropBullQueues } from '../support/bull-cleanup';
import { eventually } from '../support/gateway-harness';
import { testConfig } from '../support/test-config';

const outage = () =>
  Object.assign(new Error('the database system is not yet accepting connections'), {
    code: '57P03',
  });

/**
 * A PostgreSQL outage that outlasts a message's delivery attempts (the fault suite's disk-full
 * scenario) must not fail the message for good: its last attempt is carried over to a new job,
 * on the real Redis bull queue, until the store is back and the delivery goes through.
 */
describe('delivery through a store outage', () => {
  const config = testConfig({ DELIVERY_ATTEMPTS: '2', DELIVERY_BACKOFF_MS: '20' });
  const worker = new DeliveryWorker(config, createLogger('silent'));
  const failures: Array<{ attempt: number; final: boolean }> = [];
  const delivered: string[] = [];
  let outageCalls = 5;

  const service = {
    deliver: async (job: DeliveryJob) => {
      if (outageCalls-- > 0) throw outage();
      delivered.push(job.messageId);
      return Promise.resolve();
    },
    recordFailure: async (_job: DeliveryJob, _err: unknown, attempt: number, final: boolean) => {
      failures.push({ attempt, final });
      // The store is what is out: recording the failure fails too.
      if (outageCalls >= 0) throw outage();
      return Promise.resolve();
    },
  } as unknown as DeliveryService;

  beforeAll(() => worker.start(service, 1));
  afterAll(async () => {
    await worker.close();
    await dropBullQueues(config.redis.url, config.redis.bullPrefix);
  });

  it('carries the last attempt over instead of failing the message for good', async () => {
    const messageId = randomUUID();
    await worker.schedule(messageId, 0);
    await eventually(async () => delivered.includes(messageId), 20_000);
    expect(delivered).toEqual([messageId]);
    expect(failures.filter((f) => f.final)).toEqual([]);
  });
});
