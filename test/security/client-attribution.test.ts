import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

const SZYT_USCC = '91440300MA5F8QXC1N';
const szytSeller = { name: '深圳云通电子商务有限公司', uscc: SZYT_USCC };
const anonymousSeller = { name: 'Some seller' };

describe('security: a message is attributed only to a client its partner may speak for', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    await gw.partners.upsert(genericPartner('shop-szyt', { clientId: 'szyt' }));
    await gw.partners.upsert(genericPartner('shop-of-nbhs', { clients: ['nbhs'] }));
  });
  afterAll(() => stopTestGateway(gw));

  const post = async (partner: string, order: Record<string, unknown>) => {
    const response = await gw.request(`/inbound/${partner}`, { method: 'POST', json: order });
    const { messageId } = (await response.json()) as { messageId: string };
    return eventually(async () => {
      const { rows } = await gw.pool.query(
        `SELECT state, client_id FROM messages WHERE id = $1 AND state IN ('processed', 'failed')`,
        [messageId],
      );
      return rows[0] && { id: messageId, ...(rows[0] as { state: string; client_id: string }) };
    });
  };

  it('keeps a reference of client B out of B’s trade when another client’s partner names it', async () => {
    const own = await post('shop-szyt', orderJson('SO-SZ-77', { seller: szytSeller }));
    expect(own).toMatchObject({ state: 'processed', client_id: 'szyt' });
    const forged = await post('shop-of-nbhs', orderJson('SO-SZ-77', { seller: anonymousSeller }));
    expect(forged).toMatchObject({ state: 'processed', client_id: 'nbhs' });

    const szytKey = await gw.key('viewer', 'szyt');
    const trade = (await (await gw.request('/trades/SO-SZ-77', { key: szytKey })).json()) as {
      messages: Array<{ id: string }>;
    };
    expect(trade.messages.map((m) => m.id)).toEqual([own.id]);
    const nbhsTrade = (await (
      await gw.request('/trades/SO-SZ-77', { key: await gw.key('viewer', 'nbhs') })
    ).json()) as { messages: Array<{ id: string }> };
    expect(nbhsTrade.messages.map((m) => m.id)).toEqual([forged.id]);
  });

  it('fails a message naming a client its partner is not linked to, at stage receive, for operators to see', async () => {
    const named = await post('shop-of-nbhs', orderJson('SO-NB-FORGED', { seller: szytSeller }));
    expect(named).toMatchObject({ state: 'failed', client_id: null });
    const detail = (await (
      await gw.request(`/messages/${named.id}`, { key: gw.adminKey })
    ).json()) as { history: Array<{ state: string; stage?: string; reason?: string }> };
    expect(detail.history.at(-1)).toMatchObject({ state: 'failed', stage: 'receive' });
    expect(detail.history.at(-1)?.reason).toMatch(/client szyt.*shop-of-nbhs may not speak for/);
    expect(
      (await gw.request('/trades/SO-NB-FORGED', { key: await gw.key('viewer', 'szyt') })).status,
    ).toBe(404);
  });

  it('refuses content naming another client on a partner dedicated to one client', async () => {
    const named = await post(
      'shop-szyt',
      orderJson('SO-SZ-78', { seller: { name: 'x', uscc: '91330203MA2H4K7L0R' } }),
    );
    expect(named).toMatchObject({ state: 'failed' });
  });
});
