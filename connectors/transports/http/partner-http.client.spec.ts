import nock from 'nock';
import { TradeError } from '../../../core/errors/trade-error';
import { CircuitBreakers } from '../../../core/resilience';
import { PartnerApiSettingsSchema } from './http-settings.schema';
import { OAuth2TokenCache } from './oauth2-token.cache';
import { PartnerHttpClient, joinUrl } from './partner-http.client';

const BASE = 'https://api.client-spec.example';

describe('PartnerHttpClient', () => {
  const waits: number[] = [];
  const client = (
    extra: Record<string, unknown>,
    tokens = new OAuth2TokenCache(),
    circuits = new CircuitBreakers(),
  ) =>
    new PartnerHttpClient(PartnerApiSettingsSchema.parse({ baseUrl: `${BASE}/v2`, ...extra }), {
      stage: 'receive',
      tokens,
      circuits,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
      now: () => 1_776_000_000_000,
    });

  beforeEach(() => {
    waits.length = 0;
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('waits what a 429 Retry-After asks, then returns the answer', async () => {
    const scope = nock(BASE)
      .get('/v2/events')
      .query({ limit: '10' })
      .reply(429, '', { 'Retry-After': '2' })
      .get('/v2/events')
      .query({ limit: '10' })
      .reply(200, '[]', { 'Next-Page': 'c2' });
    const answer = await client({}).request({
      method: 'GET',
      path: '/events',
      query: { limit: '10' },
    });
    expect(answer).toMatchObject({ status: 200, text: '[]', headers: { 'next-page': 'c2' } });
    expect(waits).toEqual([2000]);
    scope.done();
  });

  it('does not wait in-call for a Retry-After beyond the bound, and passes it on', async () => {
    nock(BASE).get('/v2/events').reply(503, '', { 'Retry-After': '600' });
    await expect(client({}).request({ method: 'GET', path: '/events' })).rejects.toMatchObject({
      kind: 'transient',
      retryAfterMs: 600_000,
    });
    expect(waits).toEqual([]);
  });

  it('backs off on 503 with jitter and gives up as transient after the retries', async () => {
    nock(BASE).get('/v2/events').times(3).reply(503, { statusCodeMessage: 'maintenance' });
    const error = await client({ http: { retries: 2, retryBaseMs: 100 } })
      .request({ method: 'GET', path: 'events' })
      .catch((e: unknown) => e as TradeError);
    expect(error).toBeInstanceOf(TradeError);
    expect(error).toMatchObject({ kind: 'transient', stage: 'receive', code: '503' });
    expect((error as TradeError).message).toBe(`GET ${BASE}/v2/events: HTTP 503 maintenance`);
    expect(waits).toEqual([75, 150]);
  });

  it('opens the endpoint circuit after repeated failures and then fails at once', async () => {
    const circuits = new CircuitBreakers();
    circuits.configure({ failures: 2, halfOpenAfterMs: 60_000 });
    const api = client({ http: { retries: 0 } }, new OAuth2TokenCache(), circuits);
    const scope = nock(BASE).get('/v2/events').times(2).reply(502, '');
    for (let i = 0; i < 2; i++)
      await expect(api.request({ method: 'GET', path: '/events' })).rejects.toMatchObject({
        code: '502',
      });
    scope.done();
    // No interceptor is left: a call that went out would fail with a nock error instead.
    await expect(api.request({ method: 'GET', path: '/events' })).rejects.toMatchObject({
      kind: 'transient',
      code: 'circuit-open',
    });
    expect(circuits.view(`${BASE}/v2/`)).toMatchObject({ endpoint: `${BASE}/v2`, state: 'open' });
  });

  it('does not count a rejection against the circuit', async () => {
    const circuits = new CircuitBreakers();
    circuits.configure({ failures: 1, halfOpenAfterMs: 60_000 });
    nock(BASE).get('/v2/events').reply(400, '').get('/v2/events').reply(200, '[]');
    const api = client({}, new OAuth2TokenCache(), circuits);
    await expect(api.request({ method: 'GET', path: '/events' })).rejects.toMatchObject({
      kind: 'rejected',
    });
    await expect(api.request({ method: 'GET', path: '/events' })).resolves.toMatchObject({
      status: 200,
    });
    expect(circuits.view(`${BASE}/v2`).state).toBe('closed');
  });

  it('renews an OAuth2 token once on 401 and caches it between calls', async () => {
    const tokens = new OAuth2TokenCache();
    const basic = `Basic ${Buffer.from('tradehub:s3cret').toString('base64')}`;
    const idp = nock('https://idp.client-spec.example')
      .post('/token', 'grant_type=client_credentials&scope=tnt')
      .matchHeader('authorization', basic)
      .reply(200, { access_token: 'tok-1', expires_in: 3600 })
      .post('/token')
      .reply(200, { access_token: 'tok-2', expires_in: 3600 });
    const api = nock(BASE)
      .get('/v2/events')
      .matchHeader('authorization', 'Bearer tok-1')
      .reply(401, { error: 'invalid_token' })
      .get('/v2/events')
      .twice()
      .matchHeader('authorization', 'Bearer tok-2')
      .reply(200, '[]');
    const c = client(
      {
        auth: {
          type: 'oauth2-client-credentials',
          tokenUrl: 'https://idp.client-spec.example/token',
          clientId: 'tradehub',
          clientSecret: 's3cret',
          scope: 'tnt',
        },
      },
      tokens,
    );
    expect((await c.request({ method: 'GET', path: '/events' })).status).toBe(200);
    expect((await c.request({ method: 'GET', path: '/events' })).status).toBe(200);
    idp.done();
    api.done();
  });

  it('lets a second 401 stand as a configuration error', async () => {
    nock('https://idp.client-spec.example')
      .post('/token')
      .twice()
      .reply(200, { access_token: 't' });
    nock(BASE).get('/v2/x').twice().reply(401, 'nope');
    const error = await client({
      auth: {
        type: 'oauth2-client-credentials',
        tokenUrl: 'https://idp.client-spec.example/token',
        clientId: 'a',
        clientSecret: 'b',
      },
    })
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'config', code: '401' });
  });

  it('signs a 4PX-style call into the query and sends an API key header', async () => {
    const scope = nock(BASE)
      .post('/v2', '{"a":1}')
      .query(
        (q) =>
          q.method === 'fu.wms.inventory.get' &&
          q.app_key === 'ak' &&
          /^[0-9a-f]{32}$/.test(String(q.sign)),
      )
      .reply(200, { result: '1' })
      .get('/v2/keyed')
      .matchHeader('x-carrier-key', 'k-123')
      .reply(200, 'ok');
    const signed = client({
      auth: { type: 'signed-query', appKey: 'ak', appSecret: 'secret-123' },
    });
    await signed.request({ method: 'POST', body: '{"a":1}', apiMethod: 'fu.wms.inventory.get' });
    const keyed = client({ auth: { type: 'api-key', header: 'X-Carrier-Key', apiKey: 'k-123' } });
    expect((await keyed.request({ method: 'GET', path: 'keyed' })).text).toBe('ok');
    scope.done();
  });

  it('hands back accepted non-2xx answers and refuses other 4xx at once', async () => {
    nock(BASE)
      .get('/v2/bookings/CBR-9')
      .reply(404, '')
      .post('/v2/bookings')
      .reply(400, { errors: [{ property: 'x', errorCodeMessage: 'bad' }] });
    const c = client({});
    expect(
      (await c.request({ method: 'GET', path: '/bookings/CBR-9', accept: [404] })).status,
    ).toBe(404);
    await expect(
      c.request({ method: 'POST', path: '/bookings', body: '{}' }),
    ).rejects.toMatchObject({
      kind: 'rejected',
      message: `POST ${BASE}/v2/bookings: HTTP 400 x: bad`,
    });
    expect(waits).toEqual([]);
  });

  it('joins base and path with one slash', () => {
    expect(joinUrl('https://a.example/v2/', '/events')).toBe('https://a.example/v2/events');
    expect(joinUrl('https://a.example/router', '')).toBe('https://a.example/router');
  });
});
