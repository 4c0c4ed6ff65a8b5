import nock from 'nock';
import type { PollContext, PollStateStore, IncomingMessage } from '../../core/connector/contract';
import { PartnerRecordSchema } from '../../core/partners/partner.schema';
import { amazonWebhookVerifier, notificationRef } from './amazon-webhook.verifier';
import { AmazonOrdersPoller } from './orders.poller';
import { confirmShipment } from './shipment-confirmation';
import { SpApiClient } from './sp-api.client';
import { AmazonSpApiSettingsSchema } from './amazon-settings.schema';

const API = 'https://sellingpartnerapi-na.poller-spec.example';
const LWA = 'https://api.amazon.poller-spec.example';
const partner = PartnerRecordSchema.parse({
  id: 'amazon-na',
  name: 'Amazon NA',
  kind: 'marketplace',
  connector: 'commerce-amazon',
});
const transport = {
  kind: 'amazon-sp-api',
  direction: 'in' as const,
  endpoint: API,
  tokenUrl: `${LWA}/auth/o2/token`,
  clientId: 'amzn1.application-oa2-client.spec',
  clientSecret: 'lwa-client-secret',
  refreshToken: 'Atzr|refresh-spec',
  sellerId: 'A2TRADEHUBSELLER',
  marketplaceIds: ['ATVPDKIKX0DER'],
  startFrom: '2026-11-01T00:00:00Z',
  ordersBurst: 3,
  http: { retries: 2, retryBaseMs: 1, retryMaxMs: 2 },
};

const order = (id: string) => ({
  AmazonOrderId: id,
  PurchaseDate: '2026-11-02T10:00:00Z',
  LastUpdateDate: '2026-11-02T11:00:00Z',
  OrderStatus: 'Unshipped',
  FulfillmentChannel: 'MFN',
  MarketplaceId: 'ATVPDKIKX0DER',
  OrderTotal: { CurrencyCode: 'USD', Amount: '20.00' },
});
const items = (id: string) => ({
  payload: {
    AmazonOrderId: id,
    OrderItems: [
      {
        ASIN: 'B0X',
        SellerSKU: 'SKU-1',
        OrderItemId: '1',
        QuantityOrdered: 1,
        ItemPrice: { CurrencyCode: 'USD', Amount: '20.00' },
      },
    ],
  },
});

function context() {
  const stored: IncomingMessage[] = [];
  const values = new Map<string, string>();
  const state: PollStateStore = {
    get: async (k) => values.get(k),
    set: async (k, v) => void values.set(k, v),
  };
  const ctx: PollContext = {
    intake: { receive: async (m) => (stored.push(m), { messageId: String(stored.length) }) },
    state,
    signal: new AbortController().signal,
  };
  return { ctx, stored, values };
}

/** LWA: a refresh_token grant with the app's client id and secret, form encoded. */
const lwa = (token: string) =>
  nock(LWA)
    .post(
      '/auth/o2/token',
      (body: Record<string, string>) =>
        body.grant_type === 'refresh_token' &&
        body.refresh_token === 'Atzr|refresh-spec' &&
        body.client_id === transport.clientId &&
        body.client_secret === 'lwa-client-secret',
    )
    .reply(200, { access_token: token, token_type: 'bearer', expires_in: 3600 });

describe('Amazon SP-API orders poller', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('pages getOrders from LastUpdatedAfter by NextToken, joins order items, and moves the cursor', async () => {
    const token = lwa('Atza|token-1');
    const api = nock(API, { reqheaders: { 'x-amz-access-token': 'Atza|token-1' } })
      .get('/orders/v0/orders')
      .query({ MarketplaceIds: 'ATVPDKIKX0DER', LastUpdatedAfter: '2026-11-01T00:00:00Z' })
      .reply(
        200,
        { payload: { Orders: [order('111-0000001-0000001')], NextToken: 'page-2' } },
        { 'x-amzn-RateLimit-Limit': '0.0167' },
      )
      .get('/orders/v0/orders')
      .query({ MarketplaceIds: 'ATVPDKIKX0DER', NextToken: 'page-2' })
      .reply(200, {
        payload: {
          Orders: [order('111-0000002-0000002')],
          LastUpdatedBefore: '2026-11-04T03:58:00Z',
        },
      })
      .get('/orders/v0/orders/111-0000001-0000001/orderItems')
      .reply(200, items('111-0000001-0000001'))
      .get('/orders/v0/orders/111-0000002-0000002/orderItems')
      .reply(200, items('111-0000002-0000002'));
    const { ctx, stored, values } = context();
    expect(await new AmazonOrdersPoller().poll(partner, transport, ctx)).toEqual({
      received: 2,
      deferred: 0,
    });
    token.done();
    api.done();
    expect(JSON.parse(values.get('amazon-orders-cursor')!)).toEqual({
      after: '2026-11-04T03:58:00Z',
    });
    // The LWA token's expiry (an hour) is kept where partner health reads it.
    const expiresIn = Date.parse(values.get('token-expires-at')!) - Date.now();
    expect(expiresIn).toBeGreaterThan(3500_000);
    expect(expiresIn).toBeLessThanOrEqual(3600_000);
    const first = JSON.parse(stored[0].raw.toString('utf8'));
    expect(first.payload.OrderItems[0].SellerSKU).toBe('SKU-1');
    expect(stored.map((s) => s.partnerRef)).toEqual([
      'order:111-0000001-0000001:2026-11-02T11:00:00Z',
      'order:111-0000002-0000002:2026-11-02T11:00:00Z',
    ]);
  });

  it('backs off on a 429 storm, then ends the round as deferred with the cursor kept', async () => {
    lwa('Atza|token-1');
    const api = nock(API)
      .get('/orders/v0/orders')
      .query(true)
      .times(3)
      .reply(429, { errors: [{ code: 'QuotaExceeded' }] });
    const { ctx, stored, values } = context();
    const sleeps: number[] = [];
    const poller = new AmazonOrdersPoller({
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
    });
    // Deferred, with the 429 for the transport's state (partner health).
    expect(await poller.poll(partner, transport, ctx)).toEqual({
      received: 0,
      deferred: 1,
      error: expect.objectContaining({ kind: 'transient', message: expect.stringMatching(/429/) }),
    });
    api.done();
    expect(sleeps).toHaveLength(2);
    expect(stored).toHaveLength(0);
    expect(values.get('amazon-orders-cursor')).toBeUndefined();
  });

  it('honours the getOrders burst: an empty bucket ends the round and keeps the NextToken', async () => {
    lwa('Atza|token-1');
    const page = (n: number) => ({ payload: { Orders: [], NextToken: `page-${n + 1}` } });
    nock(API)
      .get('/orders/v0/orders')
      .query(true)
      .times(3)
      .reply(200, () => page(1));
    const { ctx, values } = context();
    const now = 1793764800_000;
    expect(await new AmazonOrdersPoller({ now: () => now }).poll(partner, transport, ctx)).toEqual({
      received: 0,
      deferred: 1,
    });
    expect(JSON.parse(values.get('amazon-orders-cursor')!)).toEqual({
      after: '2026-11-01T00:00:00Z',
      next: 'page-2',
    });
  });

  it('renews the LWA token when Amazon refuses it mid-run', async () => {
    lwa('Atza|token-1');
    nock(API)
      .get('/orders/v0/orders')
      .query(true)
      .reply(403, { errors: [{ code: 'Unauthorized', message: 'expired' }] });
    lwa('Atza|token-2');
    nock(API, { reqheaders: { 'x-amz-access-token': 'Atza|token-2' } })
      .get('/orders/v0/orders')
      .query(true)
      .reply(200, { payload: { Orders: [], LastUpdatedBefore: '2026-11-04T00:00:00Z' } });
    const { ctx } = context();
    expect(await new AmazonOrdersPoller().poll(partner, transport, ctx)).toEqual({
      received: 0,
      deferred: 0,
    });
    expect(nock.isDone()).toBe(true);
  });

  it('confirms a merchant-fulfilled shipment with carrier, tracking number and items', async () => {
    lwa('Atza|token-1');
    const scope = nock(API)
      .post('/orders/v0/orders/111-0000001-0000001/shipmentConfirmation', {
        marketplaceId: 'ATVPDKIKX0DER',
        packageDetail: {
          packageReferenceId: '1',
          carrierCode: 'YunExpress',
          trackingNumber: 'YT2611040001',
          shipDate: '2026-11-04T02:00:00Z',
          orderItems: [{ orderItemId: '1', quantity: 1 }],
        },
      })
      .reply(204);
    const client = new SpApiClient(AmazonSpApiSettingsSchema.parse(transport));
    await confirmShipment(client, {
      amazonOrderId: '111-0000001-0000001',
      marketplaceId: 'ATVPDKIKX0DER',
      carrierCode: 'YunExpress',
      trackingNumber: 'YT2611040001',
      shipDate: '2026-11-04T02:00:00Z',
      items: [{ orderItemId: '1', quantity: 1 }],
    });
    scope.done();
  });
});

describe('Amazon notifications through EventBridge', () => {
  const settings = {
    kind: 'http-inbound',
    direction: 'in' as const,
    apiKey: 'eventbridge-connection-key',
  };
  const event = (id: string) =>
    Buffer.from(
      JSON.stringify({
        'detail-type': 'ORDER_CHANGE',
        source: 'aws.partner/sellingpartnerapi.amazon',
        detail: {
          NotificationType: 'ORDER_CHANGE',
          Payload: {},
          NotificationMetadata: { NotificationId: id },
        },
      }),
    );

  it('takes the connection key in constant time and names the NotificationId for deduplication', () => {
    const request = {
      url: '/inbound/amazon-na',
      headers: { 'x-api-key': 'eventbridge-connection-key' },
      body: event('n-1'),
    };
    expect(amazonWebhookVerifier.verify(request, partner, settings)).toEqual({
      partnerRef: 'notification:n-1',
    });
    expect(notificationRef(event('n-1'))).toBe(notificationRef(event('n-1')));
    expect(() =>
      amazonWebhookVerifier.verify(
        { ...request, headers: { 'x-api-key': 'wrong' } },
        partner,
        settings,
      ),
    ).toThrow(/wrong API key/);
    expect(() =>
      amazonWebhookVerifier.verify({ ...request, headers: {} }, partner, settings),
    ).toThrow(/missing x-api-key/);
  });
});
