import { createHmac } from 'node:crypto';
import nock from 'nock';
import type { PollStateStore } from '../../core/connector/contract';
import { tradeErrorOfAsync } from '../../core/errors/trade-error.testing';
import { ShopeeApiClient } from './shopee-api.client';
import { ShopeeApiSettingsSchema } from './shopee-settings.schema';

const HOST = 'https://shopee.client-spec.example';
const KEY = 'shpk-client-spec-partner-key';
// 2026-11-04T04:00:00Z: every call of a test is signed with this second.
const NOW = 1793764800_000;
const settings = ShopeeApiSettingsSchema.parse({
  kind: 'shopee-api',
  baseUrl: HOST,
  partnerId: 2001887,
  partnerKey: KEY,
  shopId: 600123,
  refreshToken: 'refresh-0',
  http: { retries: 3, retryBaseMs: 1, retryMaxMs: 2 },
});

/** The signature written out from the documented recipe, not through the client's code. */
const hmac = (base: string) => createHmac('sha256', KEY).update(base).digest('hex');

class MemoryStore implements PollStateStore {
  readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
}

const detail = {
  error: '',
  message: '',
  request_id: 'r1',
  response: { order_list: [{ order_sn: '261104TRADEHUB1' }] },
};

function tokenReply(scope: nock.Scope, access: string, refresh: string) {
  return scope
    .post('/api/v2/auth/access_token/get', {
      refresh_token: /refresh-/,
      partner_id: 2001887,
      shop_id: 600123,
    })
    .query({
      partner_id: '2001887',
      timestamp: '1793764800',
      sign: hmac('2001887/api/v2/auth/access_token/get1793764800'),
    })
    .reply(200, {
      error: '',
      message: '',
      access_token: access,
      refresh_token: refresh,
      expire_in: 14400,
    });
}

const detailQuery = (token: string) => ({
  partner_id: '2001887',
  timestamp: '1793764800',
  access_token: token,
  shop_id: '600123',
  sign: hmac(`2001887/api/v2/order/get_order_detail1793764800${token}600123`),
  order_sn_list: '261104TRADEHUB1',
  response_optional_fields: /item_list/,
});

describe('ShopeeApiClient', () => {
  let now = NOW;
  const store = new MemoryStore();
  const client = () =>
    new ShopeeApiClient(settings, store, {
      now: () => now,
      sleep: async () => undefined,
      random: () => 0,
    });
  beforeAll(() => nock.disableNetConnect());
  beforeEach(() => {
    now = NOW;
    store.values.clear();
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('refreshes the token, then signs get_order_detail with token and shop id', async () => {
    const scope = tokenReply(nock(HOST), 'access-1', 'refresh-1');
    scope.get('/api/v2/order/get_order_detail').query(detailQuery('access-1')).reply(200, detail);
    const text = await client().orderDetail(['261104TRADEHUB1']);
    expect(JSON.parse(text)).toEqual(detail);
    expect(JSON.parse(store.values.get('shopee-token:2001887:600123')!)).toMatchObject({
      refreshToken: 'refresh-1',
    });
    // Partner health reads the expiry (never the token) to say whether it is valid.
    expect(store.values.get('token-expires-at')).toBe(new Date(NOW + 14400_000).toISOString());
    scope.done();
  });

  it('keeps a token until 5 minutes before its 4 hours are up, then refreshes with the rotated refresh token', async () => {
    const scope = tokenReply(nock(HOST), 'access-1', 'refresh-1');
    scope
      .get('/api/v2/order/get_order_detail')
      .query(detailQuery('access-1'))
      .twice()
      .reply(200, detail);
    await client().orderDetail(['261104TRADEHUB1']);
    await client().orderDetail(['261104TRADEHUB1']);
    scope.done();
    now = NOW + (4 * 3600 - 299) * 1000;
    const later = nock(HOST)
      .post(
        '/api/v2/auth/access_token/get',
        (b: Record<string, unknown>) => b.refresh_token === 'refresh-1',
      )
      .query(true)
      .reply(200, {
        error: '',
        access_token: 'access-2',
        refresh_token: 'refresh-2',
        expire_in: 14400,
      });
    later
      .get('/api/v2/order/get_order_detail')
      .query((q) => q.access_token === 'access-2')
      .reply(200, detail);
    await client().orderDetail(['261104TRADEHUB1']);
    later.done();
  });

  it('refreshes once when Shopee calls the token invalid mid-run', async () => {
    const scope = tokenReply(nock(HOST), 'access-1', 'refresh-1');
    scope
      .get('/api/v2/order/get_order_detail')
      .query(true)
      .reply(403, { error: 'invalid_access_token', message: 'Invalid access_token.' });
    tokenReply(scope, 'access-2', 'refresh-2');
    scope.get('/api/v2/order/get_order_detail').query(detailQuery('access-2')).reply(200, detail);
    await client().orderDetail(['261104TRADEHUB1']);
    scope.done();
  });

  it('rides out a 429 storm within the retries, then gives up as transient', async () => {
    const scope = tokenReply(nock(HOST), 'access-1', 'refresh-1');
    scope
      .get('/api/v2/order/get_order_detail')
      .query(true)
      .times(2)
      .reply(429, { error: 'error_too_many_request' });
    scope.get('/api/v2/order/get_order_detail').query(true).reply(200, detail);
    await client().orderDetail(['261104TRADEHUB1']);
    scope
      .get('/api/v2/order/get_order_detail')
      .query(true)
      .times(4)
      .reply(429, { error: 'error_too_many_request' });
    const e = await tradeErrorOfAsync(() => client().orderDetail(['261104TRADEHUB1']));
    expect([e.kind, e.code]).toEqual(['transient', '429']);
    scope.done();
  });

  it('classifies answers: server errors transient, parameter errors rejected, a refused refresh config', async () => {
    const scope = tokenReply(nock(HOST), 'access-1', 'refresh-1');
    scope
      .get('/api/v2/order/get_order_detail')
      .query(true)
      .reply(200, { error: 'error_server', message: 'System error' });
    expect((await tradeErrorOfAsync(() => client().orderDetail(['X']))).kind).toBe('transient');
    scope
      .get('/api/v2/order/get_order_detail')
      .query(true)
      .reply(200, { error: 'error_param', message: 'Wrong parameters' });
    expect((await tradeErrorOfAsync(() => client().orderDetail(['X']))).kind).toBe('rejected');
    store.values.clear();
    nock(HOST)
      .post('/api/v2/auth/access_token/get')
      .query(true)
      .reply(403, { error: 'error_auth', message: 'Invalid refresh_token' });
    expect((await tradeErrorOfAsync(() => client().orderDetail(['X']))).kind).toBe('config');
  });

  it('uploads a tracking number with ship_order, signed as a shop call', async () => {
    const scope = tokenReply(nock(HOST), 'access-1', 'refresh-1');
    scope
      .post('/api/v2/logistics/ship_order', {
        order_sn: '261104TRADEHUB1',
        non_integrated: { tracking_number: 'YT2611040001' },
      })
      .query({
        partner_id: '2001887',
        timestamp: '1793764800',
        access_token: 'access-1',
        shop_id: '600123',
        sign: hmac('2001887/api/v2/logistics/ship_order1793764800access-1600123'),
      })
      .reply(200, { error: '', message: '', request_id: 'r2' });
    await client().uploadTrackingNumber('261104TRADEHUB1', 'YT2611040001');
    scope.done();
  });
});
