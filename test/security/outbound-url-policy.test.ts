import { createServer, type Server } from 'node:net';
import nock from 'nock';
import { OutboundQueue } from '../../core/outbound/outbound-queue';
import { inTransaction } from '../../core/storage/database';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

const PUBLIC_HOST = 'https://erp.ssrf-test.example';

describe('security: outbound partner URLs cannot reach internal hosts (SSRF)', () => {
  let gw: TestGateway;
  let internal: Server;
  let internalPort: number;
  let connections = 0;

  beforeAll(async () => {
    // The production defaults: https only, no private network allowed.
    gw = await startTestGateway({
      env: { OUTBOUND_ALLOW_HTTP: 'false', OUTBOUND_ALLOWED_NETWORKS: '' },
    });
    internal = createServer((socket) => {
      connections++;
      socket.end('SSH-2.0-internal-service\r\n');
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    internalPort = (internal.address() as { port: number }).port;
  });
  afterAll(async () => {
    nock.cleanAll();
    await new Promise((resolve) => internal.close(resolve));
    await stopTestGateway(gw);
  });

  const putPartner = (id: string, url: string, extra: Record<string, unknown> = {}) =>
    gw.request(`/partners/${id}`, {
      method: 'PUT',
      key: gw.adminKey,
      json: {
        name: id,
        kind: 'generic',
        connector: 'http-generic',
        transports: [{ kind: 'http-outbound', direction: 'out', url, ...extra }],
      },
    });

  it('refuses on PUT /partners/:id the schemes and addresses a partner cannot be at', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
      'gopher://127.0.0.1:6379/_INFO',
      'https://127.0.0.1:5432/',
      'https://[::1]/',
      'https://[::ffff:10.0.0.1]/',
      'https://user:pass@erp.example/',
    ]) {
      const answer = await putPartner('ssrf-put', url);
      expect({ url, status: answer.status }).toEqual({ url, status: 422 });
      const { error } = (await answer.json()) as { error: { issues: Array<{ path: string }> } };
      expect(error.issues.map((i) => i.path)).toContain('$.transports[0].url');
    }
    expect((await putPartner('ssrf-put', 'https://erp.example/orders')).status).toBe(200);
  });

  const send = (partnerId: string) =>
    inTransaction(gw.pool, (tx) =>
      gw.app.get(OutboundQueue).queue(tx, {
        partnerId,
        connector: 'http-generic',
        transport: 'http-outbound',
        rendered: {
          body: Buffer.from('{"orderNo":"SSRF-1"}'),
          contentType: 'application/json',
          format: 'json',
          messageType: 'generic.order',
          messageRef: 'SSRF-1',
        },
      }),
    );
  const upsertOutbound = (id: string, url: string) =>
    gw.partners.upsert({
      id,
      name: id,
      kind: 'generic',
      connector: 'http-generic',
      transports: [{ kind: 'http-outbound', direction: 'out', url }],
    });
  const failedReason = async (id: string) =>
    eventually(async () => {
      const detail = (await (
        await gw.request(`/messages/${id}`, { key: await gw.key('viewer') })
      ).json()) as { state: string; history: Array<{ reason?: string }> };
      return detail.state === 'delivery-failed' && detail.history.at(-1)!.reason!;
    }, 20000);

  it('checks the resolved address when connecting: a name that resolves to loopback is refused', async () => {
    await upsertOutbound('ssrf-dns', `https://localhost:${internalPort}/`);
    const reason = await failedReason(await send('ssrf-dns'));
    expect(reason).toMatch(/refused by the outbound URL policy/);
    expect(reason).not.toMatch(/127\.0\.0\.1|ECONN|SSH/);
    expect(connections).toBe(0);
  });

  it('re-checks redirects: a public partner redirecting inside is refused', async () => {
    await upsertOutbound('ssrf-redirect', `${PUBLIC_HOST}/orders`);
    nock(PUBLIC_HOST)
      .post('/orders')
      .times(3)
      .reply(307, '', { location: `https://127.0.0.1:${internalPort}/orders` });
    const reason = await failedReason(await send('ssrf-redirect'));
    expect(reason).toMatch(/refused by policy|outbound URL policy/);
    expect(connections).toBe(0);
  });

  it('lets a partner explicitly allowed a private network reach it', async () => {
    const allowed = await putPartner('ssrf-allowed', `https://127.0.0.1:${internalPort}/`, {
      allowedNetworks: ['127.0.0.1/32'],
    });
    expect(allowed.status).toBe(200);
  });
});
