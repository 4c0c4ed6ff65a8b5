import { connect } from 'node:net';
import { loadConfig, ConfigError } from '../../core/config/config';
import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

describe('security: proxies, timeouts, connection cap, answer headers, admin key', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ env: { HTTP_HEADERS_TIMEOUT_MS: '500' } });
    await gw.partners.upsert(genericPartner('shop-xff', { clientId: 'nbhs' }));
  });
  afterAll(() => stopTestGateway(gw));

  it('records the real remote address, not one a caller puts in X-Forwarded-For', async () => {
    const posted = await gw.request('/inbound/shop-xff', {
      method: 'POST',
      json: orderJson('SO-XFF-1'),
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    const { messageId } = (await posted.json()) as { messageId: string };
    const row = await gw.pool.query(`SELECT transport_meta FROM messages WHERE id = $1`, [
      messageId,
    ]);
    expect(row.rows[0].transport_meta.remoteAddress).toBe('127.0.0.1');
  });

  it('closes a connection whose headers do not arrive in time (slowloris)', async () => {
    const { port } = new URL(gw.url);
    const socket = connect(Number(port), '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('close', () => resolve(answer));
    });
    socket.write('GET /health HTTP/1.1\r\nHost: gateway\r\nX-Slow: ');
    const answer = await closed;
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('caps open connections at the configured number', () => {
    expect(gw.app.getHttpServer().maxConnections).toBe(gw.config.http.maxConnections);
  });

  it('answers with nosniff and no-store, above all where raw payloads are shown', async () => {
    const first = await eventually(
      async () => (await gw.pool.query<{ id: string }>(`SELECT id FROM messages`)).rows[0],
    );
    const detail = await gw.request(`/messages/${first.id}`, { key: gw.adminKey });
    expect(detail.status).toBe(200);
    expect(detail.headers.get('x-content-type-options')).toBe('nosniff');
    expect(detail.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses the development admin key outside development', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SECRETS_KEY: 'a'.repeat(64),
        ADMIN_API_KEY: 'dev-admin-key-change-me',
      }),
    ).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'test' }).adminApiKey).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).adminApiKey).toBe('dev-admin-key-change-me');
  });
});
