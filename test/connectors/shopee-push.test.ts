import { createHmac } from 'node:crypto';
import nock from 'nock';
import { ShopeeOrderDetailPoller } from '../../connectors/commerce-shopee';
import { MessageIntake } from '../../core/ingest/message-intake';
import { MESSAGE_INTAKE } from '../../gateway/partners/partners.tokens';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { received, startRecordingGateway } from '../support/recording-handler';
import {
  PgPollState,
  messagesOf,
  pollContext,
  shopeeShop,
  useNockForPartners,
} from './http-connector-support';

const HOST = 'https://shopee.push-test.example';
const KEY = 'shpk-push-test-partner-key';
const CALLBACK = 'https://hub.push-test.example/inbound/shopee-sg';
const mappingSettings = {
  shopId: '600123',
  sellerName: 'Ningbo Homeware Co., Ltd.',
  customsMode: '9610',
};

/** Shopee's push signature written out: hex HMAC-SHA256(partner key, callback URL|raw body). */
const signature = (body: string, key = KEY) =>
  createHmac('sha256', key).update(`${CALLBACK}|${body}`).digest('hex');

const statusPush = (status: string, updateTime: number) =>
  JSON.stringify({
    shop_id: 600123,
    code: 3,
    timestamp: updateTime + 2,
    data: {
      ordersn: '261104PUSHTEST1',
      status,
      completed_scenario: '',
      update_time: updateTime,
      items: [],
    },
  });

const detail = {
  error: '',
  message: '',
  request_id: 'push-test-1',
  response: {
    order_list: [
      {
        order_sn: '261104PUSHTEST1',
        region: 'SG',
        currency: 'SGD',
        total_amount: 35.8,
        order_status: 'READY_TO_SHIP',
        fulfillment_flag: 'fulfilled_by_cb_seller',
        create_time: 1793764800,
        buyer_user_id: 88123456,
        buyer_username: 'lim.weiting',
        recipient_address: {
          name: 'L** W**',
          city: 'Singapore',
          region: 'SG',
          zipcode: '238801',
          full_address: '1 O******* Road',
        },
        item_list: [
          {
            item_name: 'Ceramic dripper',
            model_sku: 'DRIP-01-WHT',
            model_quantity_purchased: 2,
            model_discounted_price: 17.9,
            promotion_id: 0,
          },
        ],
      },
    ],
  },
};

describe('Shopee order push over HTTP -> get_order_detail -> SalesOrder on the bus -> analytics', () => {
  let gw: TestGateway;
  useNockForPartners();

  beforeAll(async () => {
    gw = await startRecordingGateway();
    await gw.partners.upsert(
      shopeeShop({
        id: 'shopee-sg',
        shopId: 600123,
        key: KEY,
        callbackUrl: CALLBACK,
        baseUrl: HOST,
        settings: mappingSettings,
      }),
    );
  });
  afterAll(() => stopTestGateway(gw));

  const push = (body: string, authorization?: string) =>
    gw.request('/inbound/shopee-sg', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body,
    });

  it('refuses missing and wrong signatures with 401 and records them, storing nothing', async () => {
    const body = statusPush('READY_TO_SHIP', 1793764900);
    expect((await push(body)).status).toBe(401);
    expect((await push(body, signature(body, 'not-the-partner-key'))).status).toBe(401);
    // Signed over a re-serialised body: the bytes differ, so does the signature.
    expect((await push(body, signature(JSON.stringify(JSON.parse(body), null, 1)))).status).toBe(
      401,
    );
    expect(await messagesOf(gw.pool, 'shopee-sg')).toHaveLength(0);
    const failures = await gw.pool.query(
      "SELECT * FROM webhook_auth_failures WHERE partner_id = 'shopee-sg'",
    );
    expect(failures.rowCount).toBe(3);
  });

  it('acknowledges a signed push, records a repeated push as a duplicate, and fetches the order once', async () => {
    const body = statusPush('READY_TO_SHIP', 1793764900);
    const first = await push(body, signature(body));
    expect(first.status).toBe(202);
    // Shopee pushes the same change again, with a new timestamp: same order, status, update time.
    const resend = body.replace('"timestamp":1793764902', '"timestamp":1793764960');
    const again = await push(resend, signature(resend));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });

    const scope = nock(HOST)
      .post('/api/v2/auth/access_token/get')
      .query(true)
      .reply(200, {
        error: '',
        access_token: 'access-1',
        refresh_token: 'refresh-1',
        expire_in: 14400,
      })
      .get('/api/v2/order/get_order_detail')
      .query((q) => q.order_sn_list === '261104PUSHTEST1' && q.access_token === 'access-1')
      .reply(200, detail);
    const p = gw.partners.get('shopee-sg');
    const api = p.transports.find((t) => t.kind === 'shopee-api')!;
    const ctx = pollContext(
      gw.app.get<MessageIntake>(MESSAGE_INTAKE),
      await new PgPollState(gw.pool).init(),
    );
    const poller = new ShopeeOrderDetailPoller({ db: gw.pool });
    expect(await poller.poll(p, api, ctx)).toEqual({ received: 1, deferred: 0 });
    // Nothing new pushed: the next round calls nobody.
    expect(await poller.poll(p, api, ctx)).toEqual({ received: 0, deferred: 0 });
    scope.done();

    const [order] = await eventually(async () => {
      const r = (await received(gw.pool)).filter((e) => e.type === 'commerce.order.created');
      return r.length > 0 && r;
    });
    expect(order.body.documentType).toBe('SalesOrder');
    expect(order.body.payload).toMatchObject({
      orderNo: '261104PUSHTEST1',
      status: 'READY_TO_SHIP',
      customsMode: '9610',
      channel: { kind: 'MARKETPLACE', platform: 'shopee', shopId: '600123', fulfillment: 'SELLER' },
      totalAmount: { amount: '35.80', currency: 'SGD' },
    });

    // The marketing service counted the order: the day's Shopee GMV in the shop's currency.
    const day = '/marketing/analytics?from=2026-11-04&to=2026-11-04&currency=SGD';
    const report = await eventually(async () => {
      const r = (await (await gw.request(day, { key: gw.adminKey })).json()) as {
        total: { orders: number };
        groups: unknown[];
      };
      return r.total.orders === 1 && r;
    });
    expect(report.groups).toEqual([
      { channel: 'shopee', gmv: '35.80', orders: 1, units: '2', aov: '35.80' },
    ]);
  });
});
