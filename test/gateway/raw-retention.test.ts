import { purgeRawPayloads } from '../../core/storage/raw-retention';
import { HousekeepingService } from '../../gateway/operations/housekeeping.service';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

/** One stored inbound message of `state`, received `daysAgo` days ago, with its raw payload. */
async function stored(gw: TestGateway, state: string, daysAgo: number): Promise<string> {
  const { rows } = await gw.pool.query<{ id: string }>(
    `WITH added AS (
       INSERT INTO messages (id, direction, partner_id, transport, content_hash, size_bytes, state, received_at)
       VALUES (gen_random_uuid(), 'in', 'retention-shop', 'http', md5(random()::text), 5, $1,
               now() - make_interval(days => $2))
       RETURNING id, received_at),
     payload AS (
       INSERT INTO message_payloads (message_id, month, raw)
       SELECT id, payload_month(received_at), 'UNB+x' FROM added)
     SELECT id FROM added`,
    [state, daysAgo],
  );
  await gw.pool.query(`INSERT INTO message_states (message_id, state) VALUES ($1, $2)`, [
    rows[0].id,
    state,
  ]);
  return rows[0].id;
}

interface Detail {
  rawPurgedAt: string | null;
  contentHash: string;
  raw: { text: string };
  history: Array<{ state: string }>;
}

describe('raw payload retention', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { RAW_RETENTION_DAYS: '90' } });
  });
  afterAll(() => stopTestGateway(gw));

  const detail = async (id: string) =>
    (await (await gw.request(`/messages/${id}`, { key: gw.adminKey })).json()) as Detail;
  const replay = (id: string) =>
    gw.request(`/messages/${id}/replay?force=true`, { method: 'POST', key: gw.adminKey });
  // The hourly housekeeping round, as its timer runs it, with RAW_RETENTION_DAYS=90.
  const housekeeping = () => gw.app.get(HousekeepingService).runOnce();

  it('creates payload partitions ahead of the clock at boot', async () => {
    const { rows } = await gw.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM generate_series(0, 3) k
        WHERE to_regclass('message_payloads_' || to_char(payload_month(now()) + make_interval(months => k), 'YYYY_MM')) IS NOT NULL`,
    );
    expect(rows[0].n).toBe(4);
  });

  it('drops old settled raw bytes row by row, keeps the record, hash and history; keeps failed and recent ones', async () => {
    // 100 days back: no partition was created for that month, the rows sit in the default one.
    const old = await stored(gw, 'processed', 100);
    const oldFailed = await stored(gw, 'failed', 100);
    const recent = await stored(gw, 'processed', 10);
    const hash = (await detail(old)).contentHash;

    await housekeeping();

    const purged = await detail(old);
    expect(purged.raw.text).toBe('');
    expect(purged.contentHash).toBe(hash);
    expect(Date.parse(purged.rawPurgedAt!)).not.toBeNaN();
    expect(purged.history.map((h) => h.state)).toEqual(['processed', 'raw-purged']);
    expect((await detail(oldFailed)).raw.text).toBe('UNB+x');
    expect((await detail(recent)).raw.text).toBe('UNB+x');
    // A second run finds nothing more to do.
    expect(await purgeRawPayloads(gw.pool, 90)).toBe(0);
  });

  it('refuses to replay a message whose raw payload was dropped', async () => {
    const old = await stored(gw, 'processed', 100);
    await purgeRawPayloads(gw.pool, 90);
    const refused = await replay(old);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(await refused.json())).toMatch(/retention policy/);
  });

  it('drops a whole expired month with its partition, holding back what may still be replayed', async () => {
    await gw.pool.query(
      `SELECT ensure_payload_partition(payload_month(now() - interval '200 days'))`,
    );
    const settled = await stored(gw, 'processed', 200);
    const failed = await stored(gw, 'failed', 200);
    const replaying = await stored(gw, 'processed', 200);
    await gw.pool.query(
      `INSERT INTO normalizer_inbox (message_id, generation, not_before) VALUES ($1, 1, 'infinity')`,
      [replaying],
    );
    // Older still, in a month nobody created a partition for: the default partition has it.
    const stray = await stored(gw, 'processed', 300);

    await housekeeping();

    const { rows } = await gw.pool.query<{ part: string | null; dropped: string; held: string }>(
      `SELECT to_regclass('message_payloads_' || to_char(month, 'YYYY_MM'))::text AS part, dropped, held
         FROM raw_payload_disposals WHERE month = payload_month(now() - interval '200 days')`,
    );
    expect(rows).toEqual([{ part: null, dropped: '1', held: '2' }]);
    const gone = await detail(settled);
    expect(gone.raw.text).toBe('');
    expect(Date.parse(gone.rawPurgedAt!)).not.toBeNaN();
    expect((await detail(failed)).raw.text).toBe('UNB+x');
    expect((await detail(failed)).rawPurgedAt).toBeNull();
    expect((await detail(replaying)).raw.text).toBe('UNB+x');
    const strayGone = await detail(stray);
    expect(strayGone.raw.text).toBe('');
    expect(strayGone.history.map((h) => h.state)).toEqual(['processed', 'raw-purged']);

    const refused = await replay(settled);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(await refused.json())).toMatch(/retention policy/);

    // Once a held message settles, the next round purges it row by row.
    await gw.pool.query(`DELETE FROM normalizer_inbox WHERE message_id = $1`, [replaying]);
    await housekeeping();
    const settledSince = await detail(replaying);
    expect(settledSince.raw.text).toBe('');
    expect(settledSince.history.map((h) => h.state)).toContain('raw-purged');
    // The failed one is still held, and replays from its bytes.
    expect((await detail(failed)).raw.text).toBe('UNB+x');
    expect((await replay(failed)).status).toBeLessThan(300);
  });
});
