import type { PoolClient } from 'pg';
import { TradeError } from '../../core/errors/trade-error';
import { MessageIntake } from '../../core/ingest/message-intake';
import { MessageRepository } from '../../core/storage/message.repository';
import {
  handToNormalizer,
  inboxLag,
  InboxWorker,
  type InboxItem,
} from '../../core/ingest/normalizer-inbox';
import {
  startMessagingHarness,
  waitFor,
  type MessagingHarness,
} from '../support/messaging-harness';
import { untilSettled } from '../support/settled';

jest.setTimeout(30_000);

let h: MessagingHarness;
let intake: MessageIntake;

beforeAll(async () => {
  h = await startMessagingHarness();
  intake = new MessageIntake(h.pool, new MessageRepository());
  await h.pool.query('CREATE TABLE handled (message_id uuid, generation int, worker text)');
});
afterAll(() => h.close());

async function store(label: string): Promise<string> {
  const result = await intake.receive({
    partnerId: 'shop-inbox',
    connector: 'http-generic',
    transport: 'http',
    raw: Buffer.from(JSON.stringify({ label, at: process.hrtime.bigint().toString() })),
  });
  return result.messageId;
}

/** A worker whose handler records what it took, or throws what `fail` says for a message. */
function worker(name: string, fail: (item: InboxItem) => Error | undefined = () => undefined) {
  return h.track(
    new InboxWorker({
      pool: h.newPool(),
      messages: new MessageRepository(),
      retryDelaysMs: [50, 50],
      pollMs: 50,
      handle: async (items: InboxItem[], tx: PoolClient) => {
        for (const item of items) {
          const err = fail(item);
          if (err) throw err;
          await tx.query('INSERT INTO handled VALUES ($1, $2, $3)', [
            item.messageId,
            item.generation,
            name,
          ]);
        }
      },
    }),
  );
}

const handled = async (ids: string[]) =>
  (
    await h.pool.query<{ message_id: string; generation: number; worker: string }>(
      'SELECT * FROM handled WHERE message_id = ANY($1::uuid[])',
      [ids],
    )
  ).rows;

describe('normalizer inbox', () => {
  it('hands each stored message to exactly one of two workers, and a replay once more', async () => {
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => store(`share-${i}`)));
    const a = worker('a');
    const b = worker('b');
    a.start();
    b.start();
    await waitFor('all handled', async () => (await handled(ids)).length >= 60);
    // A (wrong) second take would show before the inbox is empty and the count stays put.
    await untilSettled(async () => ({
      busy: (await inboxLag(h.pool)).pending > 0,
      mark: (await handled(ids)).length,
    }));
    const rows = await handled(ids);
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(60);

    await handToNormalizer(h.pool, [ids[0]], 1);
    await waitFor('replay handled', async () => (await handled([ids[0]])).length === 2);
    expect((await handled([ids[0]])).map((r) => r.generation).sort()).toEqual([0, 1]);
    await Promise.all([a.stop(), b.stop()]);
    const left = await h.pool.query('SELECT count(*)::int AS n FROM normalizer_inbox');
    expect(left.rows[0].n).toBe(0);
  });

  it('retries a transient failure, fails a message for good with stage, reason and location', async () => {
    const flaky = await store('flaky');
    const poison = await store('poison');
    const fine = await store('fine');
    let flakyTries = 0;
    const w = worker('c', (item) => {
      if (item.messageId === flaky && flakyTries++ < 2)
        return new TradeError('transient', 'database busy');
      if (item.messageId === poison)
        return new TradeError('rejected', 'no mapping', {
          stage: 'map',
          location: { pointer: '/lines/0' },
        });
      return undefined;
    });
    w.start();
    await waitFor(
      'flaky and fine handled',
      async () => (await handled([flaky, fine])).length === 2,
    );
    await waitFor('poison failed', async () => {
      const { rows } = await h.pool.query<{ state: string }>(
        'SELECT state FROM messages WHERE id = $1',
        [poison],
      );
      return rows[0].state === 'failed';
    });
    await w.stop();
    // Two tries fail; the third (or, when the other loop took the rolled-back batch meanwhile,
    // a later one) succeeds. It is handled once either way: `handled` above saw it once.
    expect(flakyTries).toBeGreaterThanOrEqual(3);
    expect(await handled([flaky])).toHaveLength(1);
    const { rows } = await h.pool.query<{ last_error: Record<string, unknown> }>(
      'SELECT last_error FROM messages WHERE id = $1',
      [poison],
    );
    expect(rows[0].last_error).toMatchObject({
      stage: 'map',
      reason: 'no mapping',
      location: { pointer: '/lines/0' },
    });
    expect(await handled([poison])).toEqual([]);
    const left = await h.pool.query('SELECT count(*)::int AS n FROM normalizer_inbox');
    expect(left.rows[0].n).toBe(0);
  });

  it('reports its backlog: rows due, rows waiting to retry, the age of the oldest', async () => {
    expect(await inboxLag(h.pool)).toEqual({ pending: 0, retrying: 0, oldestAgeMs: 0 });
    const first = await store('lag-1');
    await store('lag-2');
    await h.pool.query(
      `UPDATE normalizer_inbox SET attempts = 1, created_at = now() - interval '90 seconds'
        WHERE message_id = $1`,
      [first],
    );
    const lag = await inboxLag(h.pool);
    expect(lag).toMatchObject({ pending: 2, retrying: 1 });
    expect(lag.oldestAgeMs).toBeGreaterThanOrEqual(90_000);
    await h.pool.query('DELETE FROM normalizer_inbox');
  });
});
