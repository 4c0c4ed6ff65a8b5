import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

describe('operator API: keys, roles and client scope', () => {
  let gw: TestGateway;
  let nbhsMessage: string;
  let szytMessage: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    await gw.partners.upsert(genericPartner('shop-nbhs', { clientId: 'nbhs' }));
    await gw.partners.upsert(genericPartner('shop-szyt', { clientId: 'szyt' }));
    // Each shop sells for its own client: content naming another client would be refused.
    const sellers: Record<string, { name: string; uscc: string }> = {
      'shop-nbhs': { name: '宁波海曙进出口有限公司', uscc: '91330203MA2H4K7L0R' },
      'shop-szyt': { name: '深圳云通电子商务有限公司', uscc: '91440300MA5F8QXC1N' },
    };
    const post = async (partner: string, orderNo: string) => {
      const response = await gw.request(`/inbound/${partner}`, {
        method: 'POST',
        json: orderJson(orderNo, { seller: sellers[partner] }),
      });
      return ((await response.json()) as { messageId: string }).messageId;
    };
    nbhsMessage = await post('shop-nbhs', 'SO-NB-1');
    szytMessage = await post('shop-szyt', 'SO-SZ-1');
    await eventually(async () => {
      const states = await gw.pool.query(`SELECT state FROM messages WHERE id = ANY($1::uuid[])`, [
        [nbhsMessage, szytMessage],
      ]);
      return states.rows.every((r) => r.state === 'processed') && states.rowCount === 2;
    });
  });
  afterAll(() => stopTestGateway(gw));

  it('rejects a missing or wrong key with 401', async () => {
    expect((await gw.request('/messages')).status).toBe(401);
    expect((await gw.request('/messages', { key: 'th_not-a-key' })).status).toBe(401);
    expect(
      (await gw.request('/messages', { headers: { authorization: `Bearer ${gw.adminKey}` } }))
        .status,
    ).toBe(200);
  });

  it('lets a viewer read but not replay; an operator may replay', async () => {
    const viewer = await gw.key('viewer');
    expect((await gw.request(`/messages/${nbhsMessage}`, { key: viewer })).status).toBe(200);
    const refused = await gw.request(`/messages/${nbhsMessage}/replay?force=true`, {
      method: 'POST',
      key: viewer,
    });
    expect(refused.status).toBe(403);
    const operator = await gw.key('operator');
    expect(
      (
        await gw.request(`/messages/${nbhsMessage}/replay?force=true`, {
          method: 'POST',
          key: operator,
        })
      ).status,
    ).toBe(202);
    expect((await gw.request('/admin/api-keys', { key: operator })).status).toBe(403);
  });

  it('never shows a client key another client’s messages: search, get by id, trade, replay', async () => {
    const nbhs = await gw.key('operator', 'nbhs');
    const search = (await (await gw.request('/messages', { key: nbhs })).json()) as {
      items: Array<{ id: string; clientId: string }>;
    };
    expect(search.items.map((m) => m.id)).toContain(nbhsMessage);
    expect(search.items.every((m) => m.clientId === 'nbhs')).toBe(true);
    const asked = (await (await gw.request('/messages?clientId=szyt', { key: nbhs })).json()) as {
      items: unknown[];
    };
    expect(asked.items.every((m) => (m as { clientId: string }).clientId === 'nbhs')).toBe(true);
    expect((await gw.request(`/messages/${szytMessage}`, { key: nbhs })).status).toBe(404);
    expect((await gw.request('/trades/SO-SZ-1', { key: nbhs })).status).toBe(404);
    expect(
      (
        await gw.request(`/messages/${szytMessage}/replay?force=true`, {
          method: 'POST',
          key: nbhs,
        })
      ).status,
    ).toBe(404);
    expect((await gw.request(`/messages/${nbhsMessage}`, { key: nbhs })).status).toBe(200);
    expect((await gw.request('/partners', { key: nbhs })).status).toBe(403);
  });

  it('shows staff each partner’s flow health, and no client key', async () => {
    const health = (await (await gw.request('/partners/health', { key: gw.adminKey })).json()) as {
      items: Array<{
        partnerId: string;
        received24h: number;
        errorRate24h: number | null;
        backlogAgeSeconds: number;
      }>;
    };
    expect(health.items.find((p) => p.partnerId === 'shop-nbhs')).toMatchObject({
      received24h: 1,
      errorRate24h: 0,
      backlogAgeSeconds: 0,
    });
    expect(
      (await gw.request('/partners/health', { key: await gw.key('viewer', 'nbhs') })).status,
    ).toBe(403);
  });

  it('redacts partner secrets in API answers and never stores them in clear', async () => {
    await gw.partners.upsert(
      genericPartner('signed-shop', {
        transports: [{ kind: 'http-inbound', webhookSecret: 'super-secret-value-123' }],
      }),
    );
    const shown = await (await gw.request('/partners/signed-shop', { key: gw.adminKey })).text();
    expect(shown).not.toContain('super-secret-value-123');
    expect(shown).toContain('"webhookSecret":{"set":true}');
    const stored = await gw.pool.query(
      `SELECT record::text AS r FROM partners WHERE id = 'signed-shop'`,
    );
    expect(stored.rows[0].r).not.toContain('super-secret-value-123');
  });

  it('issues client keys only for known clients and never as admin', async () => {
    const create = (json: unknown) =>
      gw.request('/admin/api-keys', { method: 'POST', key: gw.adminKey, json });
    expect((await create({ name: 'x', role: 'viewer', clientId: 'nobody' })).status).toBe(404);
    expect((await create({ name: 'x', role: 'admin', clientId: 'nbhs' })).status).toBe(400);
    const made = (await (
      await create({ name: 'nbhs-viewer', role: 'viewer', clientId: 'nbhs' })
    ).json()) as { key: string };
    expect((await gw.request('/messages', { key: made.key })).status).toBe(200);
  });
});
