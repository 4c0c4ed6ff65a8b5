import { purgeRawPayloads } from '../../core/storage/raw-retention';
import { HousekeepingService } from '../../gateway/operations/housekeeping.service';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

/** One stored inbound message of `state`, received `daysAgo` days ago. */
async function stored(gw: TestGateway, state: string, daysAgo: number): Promise<string> {
  const { rows } = await gw.pool.query<{ id: string }>(
    `INSERT INTO messages (id, direction, partner_id, transport, content_hash, size_bytes, raw, state, received_at)
     VALUES (gen_random_uuid(), 'in', 'retention-shop', 'http', md5(random()::text), 5, 'UNB+x', $1,
             now() - make_interval(days => $2))
     RETURNING id`,
    [state, daysAgo],
  );
  await gw.pool.query(`INSERT INTO message_states (message_id, state) VALUES ($1, $2)`, [
    rows[0].id,
    state,
  ]);
  return rows[0].id;
}

describe('raw payload retention', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { RAW_RETENTION_DAYS: '90' } });
  });
  afterAll(() => stopTestGateway(gw));

  const row = async (id: string) =>
    (
      await gw.pool.query<{ raw: Buffer; content_hash: string; size_bytes: number; purged: Date }>(
        'SELECT raw, content_hash, size_bytes, raw_purged_at AS purged FROM messages WHERE id = $1',
        [id],
      )
    ).rows[0];

  it('drops old settled raw bytes, keeps the record, hash and history; keeps failed and recent ones', async () => {
    const old = await stored(gw, 'processed', 100);
    const oldFailed = await stored(gw, 'failed', 100);
    const recent = await stored(gw, 'processed', 10);
    const hash = (await row(old)).content_hash;

    // The hourly housekeeping round, as its timer runs it, with RAW_RETENTION_DAYS=90.
    await gw.app.get(HousekeepingService).runOnce();

    const purged = await row(old);
    expect(purged.raw.length).toBe(0);
    expect(purged).toMatchObject({ content_hash: hash, size_bytes: 5 });
    expect(purged.purged).toBeInstanceOf(Date);
    expect((await row(oldFailed)).raw.toString()).toBe('UNB+x');
    expect((await row(recent)).raw.toString()).toBe('UNB+x');

    const detail = (await (await gw.request(`/messages/${old}`, { key: gw.adminKey })).json()) as {
      rawPurgedAt: string;
      contentHash: string;
      history: Array<{ state: string }>;
    };
    expect(detail.contentHash).toBe(hash);
    expect(Date.parse(detail.rawPurgedAt)).not.toBeNaN();
    expect(detail.history.map((h) => h.state)).toEqual(['processed', 'raw-purged']);
    // A second run finds nothing more to do.
    expect(await purgeRawPayloads(gw.pool, 90)).toBe(0);
  });

  it('refuses to replay a message whose raw payload was dropped', async () => {
    const old = await stored(gw, 'processed', 100);
    await purgeRawPayloads(gw.pool, 90);
    const refused = await gw.request(`/messages/${old}/replay?force=true`, {
      method: 'POST',
      key: gw.adminKey,
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(await refused.json())).toMatch(/retention policy/);
  });
});
