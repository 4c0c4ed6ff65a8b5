import { genericPartner, orderJson } from '../support/fixtures';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

type ErrorBody = { error: { status: number; message: string | string[] } };

describe('security: input that would reach PostgreSQL unvalidated answers 400 naming the field', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    await gw.partners.upsert(genericPartner('shop-edge', { clientId: 'nbhs' }));
    for (const n of [1, 2, 3])
      await gw.request('/inbound/shop-edge', { method: 'POST', json: orderJson(`SO-EDGE-${n}`) });
  });
  afterAll(() => stopTestGateway(gw));

  const expect400 = async (response: Response, field: RegExp) => {
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect([body.error.message].flat().join('\n')).toMatch(field);
  };
  const admin = (path: string, init: Parameters<TestGateway['request']>[1] = {}) =>
    gw.request(path, { key: gw.adminKey, ...init });

  it('refuses a NUL byte in a search parameter, a path parameter and a JSON string', async () => {
    await expect400(await admin('/messages?ref=SO%00X'), /query \/ref: .*NUL/);
    await expect400(await admin('/messages?partnerId=%00'), /query \/partnerId/);
    await expect400(await admin('/trades/SO%00X'), /params \/ref/);
    await expect400(await admin('/logistics/shipments/BL%00X'), /params \/blNo/);
    await expect400(
      await admin('/admin/api-keys', {
        method: 'POST',
        json: { name: 'a\u0000b', role: 'viewer' },
      }),
      /body \/name/,
    );
    await expect400(
      await admin('/logistics/stock-thresholds', {
        method: 'PUT',
        json: { sku: 'S\u0000', threshold: 1, clientId: 'nbhs' },
      }),
      /body \/sku/,
    );
  });

  it('refuses an invalid cursor, and pages with the cursor it gave', async () => {
    await expect400(await admin('/messages?cursor=garbage'), /\/cursor/);
    await expect400(await admin('/messages?cursor=2026-01-01T00:00:00Z|nope'), /\/cursor/);
    const first = (await (await admin('/messages?limit=1')).json()) as {
      items: unknown[];
      nextCursor: string;
    };
    expect(first.nextCursor).toBeDefined();
    const next = await admin(`/messages?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(next.status).toBe(200);
  });

  it('refuses a non-UUID key id and an empty clientId', async () => {
    await expect400(
      await admin('/admin/api-keys/not-a-uuid', { method: 'DELETE' }),
      /\/id: must be a UUID/,
    );
    await expect400(await admin('/messages?clientId='), /\/clientId/);
    await expect400(
      await admin('/admin/api-keys', {
        method: 'POST',
        json: { name: 'k', role: 'viewer', clientId: '' },
      }),
      /\/clientId/,
    );
  });
});
