import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { AmqpConnection } from '../../core/messaging/amqp-connection';
import { publishConfirmed } from '../../core/messaging/confirmed-publish';
import { EnvelopeConsumer, type ConsumeOutcome } from '../../core/messaging/envelope-consumer';
import {
  enqueueEnvelope,
  outboxLag,
  outboxMessage,
  type OutboxRow,
} from '../../core/messaging/outbox';
import { OutboxRelay } from '../../core/messaging/outbox-relay';
import { inTransaction } from '../../core/storage/database';
import { insertDocuments } from '../../core/storage/document.repository';
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
const outcomes: Array<{ outcome: ConsumeOutcome; envelopeId?: string }> = [];

const handler = recordingHandler('relay-sink', undefined, ['test.#']);

function newRelay(pool = h.pool): OutboxRelay {
  return new OutboxRelay({ pool, connection, names: h.names, ...h.config.outbox });
}

async function enqueue(count: number, type = 'test.shipment.status'): Promise<string[]> {
  return inTransaction(h.pool, async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const envelope = testEnvelope({ type });
      await enqueueEnvelope(tx, envelope);
      ids.push(envelope.id);
    }
    return ids;
  });
}

const count = (outcome: ConsumeOutcome) => outcomes.filter((o) => o.outcome === outcome).length;

beforeAll(async () => {
  h = await startMessagingHarness();
  await createHandledTable(h.pool);
  connection = await h.connect('relay-tests');
  h.consumers.push(handler);
  const consumer = new EnvelopeConsumer(handler, {
    connection,
    pool: h.pool,
    names: h.names,
    rabbit: h.config.rabbit,
    onOutcome: (outcome, _name, envelopeId) => outcomes.push({ outcome, envelopeId }),
  });
  await h.track(consumer).start();
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  outcomes.length = 0;
  await h.pool.query('TRUNCATE handled');
});

describe('outbox relay', () => {
  it('delivers committed envelopes exactly once and never a rolled-back one', async () => {
    const relay = h.track(newRelay());
    await relay.start();
    const ids = [...(await enqueue(40)), ...(await enqueue(40))];
    const rolledBack = testEnvelope();
    await expect(
      inTransaction(h.pool, async (tx) => {
        await enqueueEnvelope(tx, rolledBack);
        throw new Error('business rule failed after enqueue');
      }),
    ).rejects.toThrow('business rule failed');

    await waitFor(
      '80 handled',
      async () => (await handledCounts(h.pool, handler.name)).total >= 80,
    );
    await untilSettled(async () => ({
      busy: (await outboxLag(h.pool)).pending > 0,
      mark: await handledCounts(h.pool, handler.name),
    })); // a wrong extra delivery would have shown by now
    expect(await handledCounts(h.pool, handler.name)).toEqual({ total: 80, distinct: 80 });
    const { rows } = await h.pool.query<{ envelope_id: string }>(
      'SELECT envelope_id FROM processed_envelopes WHERE consumer = $1',
      [handler.name],
    );
    expect(new Set(rows.map((r) => r.envelope_id))).toEqual(new Set(ids));
    expect(await relay.lag()).toEqual({ pending: 0, oldestPendingAgeMs: 0 });
    await relay.stop();
  });

  it('publishes the stored document of a row that refers to it, and holds one whose document is missing', async () => {
    const stored = Array.from({ length: 20 }, () => testEnvelope());
    const orphan = testEnvelope();
    await inTransaction(h.pool, async (tx) => {
      await insertDocuments(
        tx,
        stored.map((envelope) => ({ envelope, messageId: null })),
      );
      for (const envelope of [...stored, orphan])
        await enqueueEnvelope(tx, envelope, { inDocuments: true });
    });
    const bodies = await h.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox WHERE body IS NOT NULL AND published_at IS NULL',
    );
    expect(bodies.rows[0].n).toBe(0); // one copy of each envelope: its document's

    const relay = h.track(newRelay());
    await relay.start();
    await waitFor(
      '20 handled',
      async () => (await handledCounts(h.pool, handler.name)).total >= 20,
    );
    const { rows } = await h.pool.query<{ envelope_id: string }>(
      'SELECT envelope_id FROM processed_envelopes WHERE consumer = $1 AND envelope_id = ANY($2::uuid[])',
      [handler.name, [...stored, orphan].map((e) => e.id)],
    );
    expect(new Set(rows.map((r) => r.envelope_id))).toEqual(new Set(stored.map((e) => e.id)));
    await waitFor('the orphan refused', async () => {
      const { rows: held } = await h.pool.query<{ last_error: string | null }>(
        'SELECT last_error FROM outbox WHERE envelope_id = $1 AND published_at IS NULL',
        [orphan.id],
      );
      return held[0]?.last_error?.includes('no stored document') ?? false;
    });
    await relay.stop();
    await h.pool.query('DELETE FROM outbox WHERE envelope_id = $1', [orphan.id]);
  });

  it('publishes rows committed while no relay ran, after a new relay starts', async () => {
    const first = newRelay();
    await first.start();
    await first.stop(); // the process "died" before these commits reached the broker
    await enqueue(25);
    await waitFor('rows waiting', async () => (await outboxLag(h.pool)).oldestPendingAgeMs > 50);
    const lag = await outboxLag(h.pool);
    expect(lag.pending).toBe(25);
    expect(lag.oldestPendingAgeMs).toBeGreaterThan(50);

    const second = h.track(newRelay());
    await second.start();
    await waitFor(
      '25 handled',
      async () => (await handledCounts(h.pool, handler.name)).total >= 25,
    );
    expect(await handledCounts(h.pool, handler.name)).toEqual({ total: 25, distinct: 25 });
    expect((await outboxLag(h.pool)).pending).toBe(0);
    await second.stop();
  });

  it('a row published but never marked (relay died before COMMIT) takes effect once', async () => {
    await enqueue(30);
    // What a dying relay did: published and confirmed, but its transaction never committed.
    const { rows } = await h.pool.query<OutboxRow & { body: string }>(
      `SELECT id, envelope_id, exchange, routing_key, envelope::text AS body, headers,
              envelope->>'type' AS type
         FROM outbox_events WHERE published_at IS NULL ORDER BY id`,
    );
    const channel = await connection.confirmChannel();
    await Promise.all(rows.map((row) => publishConfirmed(channel, outboxMessage(row, h.names))));
    await waitFor(
      '30 handled',
      async () => (await handledCounts(h.pool, handler.name)).total >= 30,
    );

    const relay = h.track(newRelay());
    await relay.start();
    await waitFor('30 duplicates', async () => count('duplicate') >= 30);
    expect(count('processed')).toBe(30);
    expect(await handledCounts(h.pool, handler.name)).toEqual({ total: 30, distinct: 30 });
    await relay.stop();
  });

  it('two relays on separate pools publish every row once, as persistent JSON messages', async () => {
    const probeQueue = `${h.names.namespace}probe.race`;
    const raw: ChannelModel = await connect(h.config.rabbit.url, { noDelay: true });
    const probe = await raw.createChannel();
    h.track({ stop: () => probe.deleteQueue(probeQueue).then(() => raw.close()) });
    await probe.assertQueue(probeQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await probe.bindQueue(probeQueue, h.names.events, 'race.#');
    const received: ConsumeMessage[] = [];
    await probe.consume(probeQueue, (m) => m && received.push(m), { noAck: true });

    const ids = new Set<string>();
    for (let i = 0; i < 10; i++)
      for (const id of await enqueue(150, 'race.shipment.status')) ids.add(id);
    const relays = [newRelay(h.newPool()), newRelay(h.newPool())];
    await Promise.all(relays.map((r) => h.track(r).start()));

    await waitFor('1500 probe messages', async () => received.length >= 1500);
    await untilSettled(async () => ({
      busy: (await outboxLag(h.pool)).pending > 0,
      mark: received.length,
    }));
    const messageIds = received.map((m) => m.properties.messageId as string);
    expect(messageIds).toHaveLength(1500);
    expect(new Set(messageIds)).toEqual(ids);
    expect(relays[0].stats.published + relays[1].stats.published).toBe(1500);
    const { rows } = await h.pool.query<{ max: number }>('SELECT max(attempts) AS max FROM outbox');
    expect(rows[0].max).toBe(1);

    const sample = received[0];
    expect(sample.fields.routingKey).toBe('race.shipment.status');
    expect(sample.properties).toMatchObject({
      deliveryMode: 2,
      contentType: 'application/json',
      type: 'race.shipment.status',
    });
    expect(JSON.parse(sample.content.toString()).id).toBe(sample.properties.messageId);

    await Promise.all(relays.map((r) => r.stop()));
  });
});
