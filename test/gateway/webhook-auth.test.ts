import { genericPartner, orderJson } from '../support/fixtures';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { ACME_WEBSHOP_DEMO_SECRET, signedHeaders } from '../support/webhook-signing';

describe('webhook authentication fails closed', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    await gw.partners.upsert(genericPartner('open-shop'));
    await gw.partners.upsert(
      genericPartner('token-shop', {
        transports: [{ kind: 'http-inbound', sharedToken: 'token-of-sixteen-chars' }],
      }),
    );
    const certificate = (trustedProxies: string[]) => ({
      transports: [
        {
          kind: 'http-inbound',
          clientCertificate: { subjects: ['CN=shop.example'], trustedProxies },
        },
      ],
    });
    await gw.partners.upsert(genericPartner('mtls-shop', certificate(['127.0.0.1'])));
    await gw.partners.upsert(genericPartner('mtls-elsewhere', certificate(['10.9.9.9'])));
  });
  afterAll(() => stopTestGateway(gw));

  const post = (partner: string, body: string, headers: Record<string, string> = {}) =>
    gw.request(`/inbound/${partner}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const order = (orderNo: string) => JSON.stringify(orderJson(orderNo));
  const failures = async (partner: string) =>
    (
      await gw.pool.query(
        `SELECT reason, remote_address FROM webhook_auth_failures WHERE partner_id = $1 ORDER BY id`,
        [partner],
      )
    ).rows;
  const stored = async (partner: string) =>
    Number(
      (await gw.pool.query(`SELECT count(*) AS n FROM messages WHERE partner_id = $1`, [partner]))
        .rows[0].n,
    );

  it('refuses an unsigned post to the signed seed partner with 401, records it, stores nothing', async () => {
    const response = await post('acme-webshop', order('SO-UNSIGNED-1'));
    expect(response.status).toBe(401);
    expect(await failures('acme-webshop')).toEqual([
      { reason: 'unsigned', remote_address: '127.0.0.1' },
    ]);
    expect(await stored('acme-webshop')).toBe(0);
    const metrics = await (await gw.request('/metrics')).text();
    expect(metrics).toContain(
      'tradehub_webhook_auth_failures_total{partner="acme-webshop",reason="unsigned"} 1',
    );
    const listed = (await (
      await gw.request('/partners/acme-webshop/webhook-failures', { key: gw.adminKey })
    ).json()) as { items: Array<{ reason: string; remoteAddress: string; at: string }> };
    expect(listed.items).toEqual([
      {
        partnerId: 'acme-webshop',
        reason: 'unsigned',
        remoteAddress: '127.0.0.1',
        at: expect.any(String),
        detail: expect.any(String),
        userAgent: expect.any(String),
      },
    ]);
  });

  it('takes a signed post, and refuses a wrong signature and a replay outside the window', async () => {
    const body = order('SO-SIGNED-1');
    expect(
      (await post('acme-webshop', body, signedHeaders(ACME_WEBSHOP_DEMO_SECRET, body))).status,
    ).toBe(202);
    const forged = signedHeaders('not-the-partners-secret', body);
    expect((await post('acme-webshop', order('SO-FORGED-1'), forged)).status).toBe(401);
    const old = signedHeaders(ACME_WEBSHOP_DEMO_SECRET, body, Date.now() - 600_000);
    expect((await post('acme-webshop', body, old)).status).toBe(401);
    expect((await failures('acme-webshop')).map((f) => f.reason)).toEqual([
      'unsigned',
      'bad-signature',
      'stale',
    ]);
    expect(await stored('acme-webshop')).toBe(1);
  });

  it('checks a shared token and a client certificate forwarded by a trusted proxy', async () => {
    expect(
      (await post('token-shop', order('SO-T-1'), { 'x-tradehub-token': 'token-of-sixteen-chars' }))
        .status,
    ).toBe(202);
    expect(
      (await post('token-shop', order('SO-T-2'), { 'x-tradehub-token': 'token-of-sixteen-chaRS' }))
        .status,
    ).toBe(401);
    const subject = { 'x-client-cert-subject': 'CN=shop.example' };
    expect((await post('mtls-shop', order('SO-C-1'), subject)).status).toBe(202);
    expect(
      (await post('mtls-shop', order('SO-C-2'), { 'x-client-cert-subject': 'CN=other' })).status,
    ).toBe(401);
    expect((await post('mtls-elsewhere', order('SO-C-3'), subject)).status).toBe(401);
    expect((await failures('token-shop')).map((f) => f.reason)).toEqual(['bad-token']);
    expect((await failures('mtls-shop')).map((f) => f.reason)).toEqual(['bad-certificate']);
    expect((await failures('mtls-elsewhere')).map((f) => f.reason)).toEqual(['untrusted-proxy']);
  });

  it('takes posts for a partner that says unsigned: true, and flags it in GET /partners', async () => {
    expect((await post('open-shop', order('SO-OPEN-1'))).status).toBe(202);
    const { items } = (await (await gw.request('/partners', { key: gw.adminKey })).json()) as {
      items: Array<{ id: string; unsignedWebhook?: boolean }>;
    };
    const flagged = items.filter((p) => p.unsignedWebhook).map((p) => p.id);
    expect(flagged).toEqual(['open-shop']);
  });
});

describe('the seeded acme-webshop for a local load test', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { TRADEHUB_SEED_ACME_WEBSHOP_UNSIGNED: 'true' } });
  });
  afterAll(() => stopTestGateway(gw));

  it('takes unsigned posts when TRADEHUB_SEED_ACME_WEBSHOP_UNSIGNED=true, and is flagged', async () => {
    const response = await gw.request('/inbound/acme-webshop', {
      method: 'POST',
      json: orderJson('SO-PEERS-1'),
    });
    expect(response.status).toBe(202);
    const partner = (await (
      await gw.request('/partners/acme-webshop', { key: gw.adminKey })
    ).json()) as { unsignedWebhook?: boolean };
    expect(partner.unsignedWebhook).toBe(true);
  });
});
