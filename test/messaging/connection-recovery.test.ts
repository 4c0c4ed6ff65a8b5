import type { AmqpConnection } from '../../core/messaging/amqp-connection';
import { EnvelopeConsumer } from '../../core/messaging/envelope-consumer';
import { enqueueEnvelope, outboxLag } from '../../core/messaging/outbox';
import { OutboxRelay } from '../../core/messaging/outbox-relay';
import { queueDepths } from '../../core/messaging/queue-depths';
import { inTransaction } from '../../core/storage/database';
import {
  brokerConnectionPids,
  closeBrokerConnections,
  createHandledTable,
  handledCounts,
  recordingHandler,
  startMessagingHarness,
  testEnvelope,
  waitFor,
  type MessagingHarness,
} from '../support/messaging-harness';
import { untilSettled } from '../support/settled';

// The integration project's testTimeout is not applied per project by Jest; set it here.
jest.setTimeout(45_000);

let h: MessagingHarness;
let publisher: AmqpConnection;
let consuming: AmqpConnection;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
// A little work per envelope (simulated, not a wait) keeps deliveries in flight when the
// connection goes.
// `held`, when set, keeps every delivery in the handler until it settles.
let held: Promise<void> | undefined;
const handler = recordingHandler('resilient', async () => {
  await pause(60);
  await held;
});

async function enqueueBatches(batches: number, size: number, gapMs: number): Promise<void> {
  for (let b = 0; b < batches; b++) {
    await inTransaction(h.pool, async (tx) => {
      for (let i = 0; i < size; i++) await enqueueEnvelope(tx, testEnvelope());
    });
    await pause(gapMs);
  }
}

beforeAll(async () => {
  h = await startMessagingHarness();
  await createHandledTable(h.pool);
  publisher = await h.connect('publisher');
  consuming = await h.connect('consumer');
  h.consumers.push(handler);
  const deps = { pool: h.pool, names: h.names, rabbit: h.config.rabbit };
  await h.track(new OutboxRelay({ ...deps, connection: publisher, ...h.config.outbox })).start();
  await h.track(new EnvelopeConsumer(handler, { ...deps, connection: consuming })).start();
});

afterAll(async () => {
  await h?.close();
});

describe('broker connection loss', () => {
  it('every one of 300 envelopes takes effect exactly once across forced connection closes', async () => {
    const reconnects = { publisher: 0, consumer: 0 };
    publisher.on('connected', () => reconnects.publisher++);
    consuming.on('connected', () => reconnects.consumer++);

    // Found before the flow starts: rabbitmqctl takes about a second per call.
    const pids = [
      ...(await brokerConnectionPids(`${h.names.namespace}consumer`)),
      ...(await brokerConnectionPids(`${h.names.namespace}publisher`)),
    ];
    expect(pids).toHaveLength(2);
    const flowing = enqueueBatches(15, 20, 200);
    await waitFor(
      'first envelopes handled',
      async () => (await handledCounts(h.pool, handler.name)).total >= 40,
    );
    await closeBrokerConnections(pids);
    const closedAt = new Date();
    await flowing;

    await waitFor(
      '300 handled',
      async () => (await handledCounts(h.pool, handler.name)).total >= 300,
      30_000,
    );
    await untilSettled(async () => ({
      busy: (await outboxLag(h.pool)).pending > 0,
      mark: await handledCounts(h.pool, handler.name),
    })); // a (wrong) extra delivery would have shown by now
    expect(await handledCounts(h.pool, handler.name)).toEqual({ total: 300, distinct: 300 });
    expect(reconnects).toEqual({ publisher: 1, consumer: 1 });
    // The close really hit a running flow: envelopes were handled on both sides of it.
    const { rows } = await h.pool.query<{ before: string; after: string }>(
      `SELECT count(*) FILTER (WHERE at < $1) AS before, count(*) FILTER (WHERE at > $1) AS after
         FROM handled`,
      [closedAt],
    );
    expect(Number(rows[0].before)).toBeGreaterThan(0);
    expect(Number(rows[0].after)).toBeGreaterThan(0);
    expect((await outboxLag(h.pool)).pending).toBe(0);
    const dlq = h.names.deadLetterQueue(handler.name);
    const depths = await consuming.withChannel((ch) => queueDepths(ch, [dlq]));
    expect(depths[dlq].messages).toBe(0);
  });

  it('re-attaches a consumer the broker cancelled because its queue was deleted', async () => {
    await consuming.withChannel((ch) => ch.deleteQueue(h.names.queue(handler.name)));
    // The consumer re-declares its queue and subscribes again after a pause of its own.
    const queue = h.names.queue(handler.name);
    await waitFor('consumer re-attached', async () => {
      const depths = await consuming
        .withChannel((ch) => queueDepths(ch, [queue]))
        .catch(() => undefined);
      return (depths?.[queue].consumers ?? 0) > 0;
    });
    const envelope = testEnvelope();
    await inTransaction(h.pool, (tx) => enqueueEnvelope(tx, envelope));
    await waitFor('handled after re-attach', async () => {
      const { rowCount } = await h.pool.query('SELECT 1 FROM handled WHERE envelope_id = $1', [
        envelope.id,
      ]);
      return rowCount === 1;
    });
  });

  it('sends again from the store what a deleted queue held', async () => {
    let release: () => void = () => undefined;
    held = new Promise((r) => (release = r));
    // More than the prefetch: the rest wait ready in the queue, and go with it.
    const count = h.config.rabbit.prefetch + 150;
    const envelopes = Array.from({ length: count }, () => testEnvelope());
    await inTransaction(h.pool, async (tx) => {
      for (const envelope of envelopes) await enqueueEnvelope(tx, envelope);
    });
    const queue = h.names.queue(handler.name);
    await waitFor('queue filled', async () => {
      const depths = await consuming.withChannel((ch) => queueDepths(ch, [queue]));
      return depths[queue].messages >= 150;
    });
    const deleted = await consuming.withChannel((ch) => ch.deleteQueue(queue));
    expect(deleted.messageCount).toBeGreaterThanOrEqual(150);
    held = undefined;
    release();
    const ids = envelopes.map((e) => e.id);
    const counts = async () => {
      const { rows } = await h.pool.query<{ total: number; distinct: number }>(
        `SELECT count(*)::int AS total, count(DISTINCT envelope_id)::int AS distinct
           FROM handled WHERE envelope_id = ANY($1::uuid[])`,
        [ids],
      );
      return rows[0];
    };
    await waitFor('every envelope handled', async () => (await counts()).distinct === count);
    await untilSettled(async () => ({
      busy: (await outboxLag(h.pool)).pending > 0,
      mark: await counts(),
    }));
    expect(await counts()).toEqual({ total: count, distinct: count });
  });
});
