import { signWebhook } from '../../connectors/http-generic/transport/webhook-signature';
import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

const SECRET = 'squat-secret-0123456789';

describe('security: a partner message id cannot be squatted', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    await gw.partners.upsert(genericPartner('open-shop', { clientId: 'nbhs' }));
    await gw.partners.upsert(
      genericPartner('signed-shop', {
        clientId: 'nbhs',
        transports: [{ kind: 'http-inbound', webhookSecret: SECRET }],
      }),
    );
  });
  afterAll(() => stopTestGateway(gw));

  const post = (partner: string, body: unknown, headers: Record<string, string> = {}) =>
    gw.request(`/inbound/${partner}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const signed = (body: unknown, messageId: string) => {
    const raw = Buffer.from(JSON.stringify(body));
    const timestamp = String(Math.floor(Date.now() / 1000));
    return post('signed-shop', body, {
      'x-message-id': messageId,
      'x-tradehub-timestamp': timestamp,
      'x-tradehub-signature': signWebhook(SECRET, timestamp, raw),
    });
  };
  const processed = (id: string) =>
    eventually(async () => {
      const { rows } = await gw.pool.query(`SELECT state FROM messages WHERE id = $1`, [id]);
      return rows[0]?.state === 'processed';
    });

  it('lets no unsigned junk block the real message that carries the same id later', async () => {
    const junk = await post('open-shop', { junk: true }, { 'x-message-id': 'ERP-900' });
    expect(junk.status).toBe(202);
    const real = await post('open-shop', orderJson('SO-SQUAT-1'), { 'x-message-id': 'ERP-900' });
    expect(real.status).toBe(202);
    await processed(((await real.json()) as { messageId: string }).messageId);
  });

  it('dedupes a signed resend, and records one with other content as a conflict', async () => {
    const first = await signed(orderJson('SO-SQUAT-2'), 'ERP-901');
    expect(first.status).toBe(202);
    const { messageId } = (await first.json()) as { messageId: string };
    const again = await signed(orderJson('SO-SQUAT-2'), 'ERP-901');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ messageId, duplicate: true });

    const other = await signed(orderJson('SO-SQUAT-3'), 'ERP-901');
    expect(other.status).toBe(409);
    const conflicts = await gw.request('/messages?state=conflict', { key: gw.adminKey });
    const page = (await conflicts.json()) as {
      items: Array<{ id: string; duplicateOf: string; state: string }>;
    };
    expect(page.items).toHaveLength(1);
    const detail = (await (
      await gw.request(`/messages/${page.items[0].id}`, { key: gw.adminKey })
    ).json()) as { history: Array<{ state: string; reason: string }> };
    expect(detail.history[0]).toMatchObject({ state: 'conflict' });
    expect(detail.history[0].reason).toContain(messageId);
  });
});
