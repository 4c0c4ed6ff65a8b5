import { ApiKeyAuthenticator } from '../../gateway/auth/api-key.authenticator';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

describe('security: API key guessing is limited, logged and counted, and grows no memory', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ env: { AUTH_FAILURES_PER_MINUTE: '5' } });
  });
  afterAll(() => stopTestGateway(gw));

  it('answers 429 past the budget of failed keys per address; a valid key in use still works', async () => {
    expect((await gw.request('/messages', { key: gw.adminKey })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await gw.request('/messages', { key: `th_guess-${i}` })).status);
    }
    // The first use of the valid key counted too (it was not yet known valid).
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
    const limited = await gw.request('/messages', { key: 'th_guess-again' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'too-many-requests' } });
    expect((await gw.request('/messages', { key: gw.adminKey })).status).toBe(200);
    // Partners' webhooks and health checks carry no key and are never limited by this.
    expect((await gw.request('/metrics')).status).not.toBe(429);
  });

  it('ignores a forged X-Forwarded-For: the budget is per real remote address', async () => {
    const forged = await gw.request('/messages', {
      key: 'th_guess-forged',
      headers: { 'x-forwarded-for': '203.0.113.77' },
    });
    expect(forged.status).toBe(429);
  });

  it('counts refused authentications in /metrics by reason', async () => {
    const metrics = await (await gw.request('/metrics')).text();
    const count = (reason: string) =>
      Number(
        new RegExp(`tradehub_auth_failures_total\\{reason="${reason}"\\} (\\d+)`).exec(
          metrics,
        )?.[1] ?? 0,
      );
    expect(count('unknown')).toBeGreaterThanOrEqual(4);
    expect(count('rate-limited')).toBeGreaterThanOrEqual(1);
  });

  it('caches only valid keys, so unknown keys do not grow the cache', async () => {
    const other = await startTestGateway({ env: { AUTH_FAILURES_PER_MINUTE: '1000' } });
    try {
      const authenticator = other.app.get(ApiKeyAuthenticator);
      await other.request('/messages', { key: other.adminKey });
      const before = authenticator.cachedKeys;
      for (let i = 0; i < 50; i++) {
        expect(
          (await other.request('/messages', { key: `th_${'x'.repeat(200)}-${i}` })).status,
        ).toBe(401);
      }
      // A 12 KB key is refused before it is hashed or looked up.
      expect((await other.request('/messages', { key: 'k'.repeat(12_000) })).status).toBe(401);
      expect(authenticator.cachedKeys).toBe(before);
      expect(before).toBe(1);
    } finally {
      await stopTestGateway(other);
    }
  });
});
