import { TradeError } from '../../core/errors/trade-error';
import type { AmqpConnection } from '../../core/messaging/amqp-connection';
import { DeadLetterRecorder } from '../../core/messaging/dead-letter-recorder';
import {
  DeadLetterErrors,
  listDeadLetters,
  requeueDeadLetter,
  type DeadLetter,
} from '../../core/messaging/dead-letters';
import { publishConfirmed } from '../../core/messaging/confirmed-publish';
import { DeliveryHeaders } from '../../core/messaging/delivery-headers';
import {
  EnvelopeConsumer,
  type ConsumeOutcome,
  type EnvelopeHandler,
} from '../../core/messaging/envelope-consumer';
import { enqueueEnvelope } from '../../core/messaging/outbox';
import { OutboxRelay } from '../../core/messaging/outbox-relay';
import { queueDepths } from '../../core/messaging/queue-depths';
import { inTransaction } from '../../core/storage/database';
import {
  createHandledTable,
  handledCounts,
  recordingHandler,
  startMessagingHarness,
  testEnvelope,
  waitFor,
  type MessagingHarness,
} from '../support/messaging-harness';
import { untilSettled } from '../support/settled';

jest.setTimeout(30_000);

let h: MessagingHarness;
let connection: AmqpConnection;
const outcomes: Array<{ outcome: ConsumeOutcome; handler: string; at: number }> = [];
const attemptsAt = new Map<string, number[]>();
let strictBroken = true;

const noteAttempt = (id: string) => attemptsAt.set(id, [...(attemptsAt.get(id) ?? []), Date.now()]);

const flaky = recordingHandler(
  'flaky',
  async (envelope) => {
    noteAttempt(envelope.id);
    if (attemptsAt.get(envelope.id)!.length === 1)
      throw new TradeError('transient', 'bank API answered 503');
  },
  ['flaky.#'],
);
const exhausted = recordingHandler(
  'exhausted',
  async () => {
    throw new TradeError('transient', 'customs single window unreachable');
  },
  ['exhaust.#'],
);
const strict = recordingHandler(
  'strict',
  async () => {
    if (strictBroken)
      throw new TradeError('mapping', 'no HS code for line 1', {
        location: { pointer: '/payload/lines/0' },
      });
  },
  ['strict.#'],
);
// The database out of disk (53100) for more tries than there are retry delays, then back.
const outageTries = new Map<string, number>();
const diskFull = recordingHandler(
  'disk-full',
  async (envelope) => {
    const tries = (outageTries.get(envelope.id) ?? 0) + 1;
    outageTries.set(envelope.id, tries);
    if (tries <= h.config.rabbit.retryDelaysMs.length + 2)
      throw Object.assign(new Error('could not extend file: No space left on device'), {
        code: '53100',
      });
  },
  ['disk.#'],
);
// A handler whose statement never ends by itself (as one waiting on a lock nobody releases).
const hanging = recordingHandler(
  'hanging',
  async (_envelope, tx) => {
    await tx.query('SELECT pg_sleep(20)');
  },
  ['hang.#'],
);
const HANG_TIMEOUT_MS = 300;
const handlers: EnvelopeHandler[] = [flaky, exhausted, strict, diskFull, hanging];

const outcomeCount = (handler: string, outcome: ConsumeOutcome) =>
  outcomes.filter((o) => o.handler === handler && o.outcome === outcome).length;

async function enqueue(type: string) {
  const envelope = testEnvelope({ type, clientId: `client-${type.split('.')[0]}` });
  await inTransaction(h.pool, (tx) => enqueueEnvelope(tx, envelope));
  return envelope;
}

async function deadLettersOf(consumer: string, count: number): Promise<DeadLetter[]> {
  let found: DeadLetter[] = [];
  await waitFor(`${count} dead letters of ${consumer}`, async () => {
    found = await listDeadLetters(h.pool, { consumer, state: 'all' });
    return found.length >= count;
  });
  return found;
}

beforeAll(async () => {
  h = await startMessagingHarness();
  await createHandledTable(h.pool);
  connection = await h.connect('failure-tests');
  h.consumers.push(...handlers);
  const deps = { connection, pool: h.pool, names: h.names, rabbit: h.config.rabbit };
  await h.track(new OutboxRelay({ ...deps, ...h.config.outbox })).start();
  await h.track(new DeadLetterRecorder({ ...deps, consumers: handlers })).start();
  for (const handler of handlers) {
    const rabbit = { ...h.config.rabbit, handlerTimeoutMs: HANG_TIMEOUT_MS };
    const consumer = new EnvelopeConsumer(handler, {
      ...deps,
      rabbit,
      onOutcome: (outcome, name) => outcomes.push({ outcome, handler: name, at: Date.now() }),
    });
    await h.track(consumer).start();
  }
});

afterAll(async () => {
  await h?.close();
});

describe('envelope consumer failures', () => {
  it('retries a transient failure after the first delay and then handles it once', async () => {
    const envelope = await enqueue('flaky.payment.received');
    await waitFor('flaky handled', async () => (await handledCounts(h.pool, 'flaky')).total >= 1);
    const [first, second] = attemptsAt.get(envelope.id)!;
    expect(second - first).toBeGreaterThanOrEqual(h.config.rabbit.retryDelaysMs[0] - 20);
    expect(outcomeCount('flaky', 'retried')).toBe(1);
    expect(outcomeCount('flaky', 'processed')).toBe(1);
    expect(await handledCounts(h.pool, 'flaky')).toEqual({ total: 1, distinct: 1 });
  });

  it('dead-letters a transient failure once every retry delay is used up', async () => {
    const envelope = await enqueue('exhaust.declaration.receipt');
    const [dead] = await deadLettersOf('exhausted', 1);
    expect(outcomeCount('exhausted', 'retried')).toBe(h.config.rabbit.retryDelaysMs.length);
    expect(dead).toMatchObject({
      envelopeId: envelope.id,
      errorKind: 'transient',
      clientId: 'client-exhaust',
    });
    expect(dead.reason).toBe('gave up after 2 retries: customs single window unreachable');
    expect(dead.headers[DeliveryHeaders.attempt]).toBe(2);
  });

  it('retries a database out of disk for as long as it lasts, beyond the retry delays', async () => {
    const envelope = await enqueue('disk.order.created');
    await waitFor('handled once the disk has room', async () => {
      return (await handledCounts(h.pool, 'disk-full')).total >= 1;
    });
    expect(outageTries.get(envelope.id)).toBe(h.config.rabbit.retryDelaysMs.length + 3);
    expect(outcomeCount('disk-full', 'retried')).toBe(h.config.rabbit.retryDelaysMs.length + 2);
    expect(await listDeadLetters(h.pool, { consumer: 'disk-full', state: 'all' })).toHaveLength(0);
  });

  it('cancels a handler statement after the handler timeout, retries, then dead-letters why', async () => {
    const envelope = await enqueue('hang.booking.confirmed');
    const [dead] = await deadLettersOf('hanging', 1);
    expect(dead).toMatchObject({ envelopeId: envelope.id, errorKind: 'transient' });
    expect(dead.reason).toBe(
      'gave up after 2 retries: canceling statement due to statement timeout (57014)',
    );
    expect(await handledCounts(h.pool, 'hanging')).toEqual({ total: 0, distinct: 0 });
  });

  it('dead-letters a permanent failure at once, records it, and a requeue handles it once', async () => {
    const envelope = await enqueue('strict.shipment.status');
    const [dead] = await deadLettersOf('strict', 1);
    expect(outcomeCount('strict', 'retried')).toBe(0);
    expect(dead).toMatchObject({
      consumer: 'strict',
      queue: h.names.queue('strict'),
      envelopeId: envelope.id,
      routingKey: 'strict.shipment.status',
      reason: 'no HS code for line 1 at pointer /payload/lines/0',
      errorKind: 'mapping',
      clientId: 'client-strict',
      requeuedAt: null,
    });
    expect((dead.body as { id: string }).id).toBe(envelope.id);
    expect(await listDeadLetters(h.pool, { clientId: 'client-strict' })).toHaveLength(1);
    expect(await listDeadLetters(h.pool, { clientId: 'client-nobody' })).toHaveLength(0);

    strictBroken = false; // the mapping was fixed
    await requeueDeadLetter(h.pool, dead.id);
    await waitFor('strict handled', async () => (await handledCounts(h.pool, 'strict')).total >= 1);
    await untilSettled(async () => ({
      busy: false,
      mark: [await handledCounts(h.pool, 'strict'), await listDeadLetters(h.pool, {})],
    }));
    expect(await handledCounts(h.pool, 'strict')).toEqual({ total: 1, distinct: 1 });
    expect(await listDeadLetters(h.pool, { consumer: 'strict' })).toHaveLength(0);
    const [requeued] = await listDeadLetters(h.pool, { consumer: 'strict', state: 'requeued' });
    expect(requeued.requeuedAt).toBeInstanceOf(Date);

    await expect(requeueDeadLetter(h.pool, dead.id)).rejects.toMatchObject({
      kind: 'rejected',
      code: DeadLetterErrors.alreadyRequeued,
    });
    for (const unknown of ['6f1c3c6e-0000-4000-8000-000000000000', 'not-a-uuid'])
      await expect(requeueDeadLetter(h.pool, unknown)).rejects.toMatchObject({
        code: DeadLetterErrors.notFound,
      });
    strictBroken = true;
  });

  it('dead-letters invalid JSON and invalid envelopes with the reason', async () => {
    const channel = await connection.confirmChannel();
    const bad = testEnvelope({ type: 'strict.shipment.status' });
    const publish = (content: string) =>
      publishConfirmed(channel, {
        exchange: h.names.events,
        routingKey: 'strict.shipment.status',
        content: Buffer.from(content),
        options: { persistent: true },
      });
    const before = (await listDeadLetters(h.pool, { consumer: 'strict', state: 'all' })).length;
    await publish('{"id": "truncated');
    await publish(JSON.stringify({ ...bad, correlationId: '' }));
    const all = await deadLettersOf('strict', before + 2);
    const json = all.find((d) => d.reason.startsWith('invalid JSON'))!;
    const shape = all.find((d) => d.reason.startsWith('invalid envelope'))!;
    expect(json).toMatchObject({
      errorKind: 'rejected',
      envelopeId: null,
      body: { unparsed: '{"id": "truncated' },
    });
    expect(shape).toMatchObject({ errorKind: 'rejected', envelopeId: bad.id });
    expect(shape.reason).toContain('correlationId');
    await expect(requeueDeadLetter(h.pool, json.id)).rejects.toMatchObject({
      code: DeadLetterErrors.notAnEnvelope,
    });
  });

  it('reports queue depths by passive declare', async () => {
    const queues = handlers.flatMap((c) => [
      h.names.queue(c.name),
      h.names.deadLetterQueue(c.name),
    ]);
    await waitFor('drained queues', async () => {
      const depths = await connection.withChannel((ch) => queueDepths(ch, queues));
      return Object.values(depths).every((d) => d.messages === 0);
    });
    const depths = await connection.withChannel((ch) => queueDepths(ch, queues));
    expect(depths[h.names.queue('strict')]).toEqual({ messages: 0, consumers: 1 });
    expect(depths[h.names.deadLetterQueue('strict')]).toEqual({ messages: 0, consumers: 1 });
    await expect(
      connection.withChannel((ch) => queueDepths(ch, [`${h.names.namespace}q.missing`])),
    ).rejects.toThrow(/404/);
  });
});
