import { createHmac } from 'node:crypto';
import nock from 'nock';
import { ShopeeOrderDetailPoller } from '../../connectors/commerce-shopee';
import type { MessageIntake } from '../../core/ingest/message-intake';
import { MESSAGE_INTAKE } from '../../gateway/partners/partners.tokens';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { startRecordingGateway } from '../support/recording-handler';
import {
  PgPollState,
  pollContext,
  shopeeShop,
  useNockForPartners,
} from '../connectors/http-connector-support';

const SHOPEE = 'https://shopee.flow-test.example';
const KEY = 'shpk-warehouse-flow-partner-key';
const CALLBACK = 'https://hub.flow-test.example/inbound/shopee-wh';
const WAREHOUSE = 'https://open.sg-wh.example';
const ENDPOINT = '/router/api/service';
const APP_KEY = 'ak-sg-wh-01';
const APP_SECRET = 'sk-sg-wh-test-secret';
const ORDER_SN = '261104WHFLOW01';

/** The export shop: sold from overseas warehouse stock (9810), fulfilled by TradeHub. */
const shopSettings = {
  shopId: '600777',
  sellerName: 'Ningbo Homeware Co., Ltd.',
  fulfilment: 'warehouse',
  warehousePartnerId: 'sg-wh',
  warehouseCode: 'SGSIN1',
  shippingService: 'SG-NINJAVAN',
  customsMode: '9810',
};

const push = (status: string, updateTime: number) =>
  JSON.stringify({
    shop_id: 600777,
    code: 3,
    timestamp: updateTime + 2,
    data: { ordersn: ORDER_SN, status, update_time: updateTime, items: [] },
  });

/** get_order_detail of the order, ready to ship from the seller's (overseas) stock. */
const detail = {
  error: '',
  message: '',
  request_id: 'flow-test',
  response: {
    order_list: [
      {
        order_sn: ORDER_SN,
        region: 'SG',
        currency: 'SGD',
        total_amount: 35.8,
        order_status: 'READY_TO_SHIP',
        fulfillment_flag: 'fulfilled_by_cb_seller',
        create_time: 1793764800,
        buyer_username: 'tan.meiling',
        recipient_address: {
          name: 'T** M*****',
          city: 'Singapore',
          region: 'SG',
          zipcode: '238801',
          full_address: '10 Orchard Road #05-01',
        },
        item_list: [
          {
            item_name: 'Ceramic dripper',
            model_sku: 'DRIP-01-WHT',
            model_quantity_purchased: 2,
            model_discounted_price: 17.9,
          },
        ],
      },
    ],
  },
};

// The warehouse's documented hmac-sha256 recipe, written out: sorted name+value pairs, then the
// body, keyed with the app secret.
const hmacSign = (query: Record<string, string>, body: string) =>
  createHmac('sha256', APP_SECRET)
    .update(
      Object.keys(query)
        .filter((k) => k !== 'sign')
        .sort()
        .map((k) => `${k}${query[k]}`)
        .join('') + body,
    )
    .digest('hex');

describe('cross-border flow: a Shopee order of a warehouse shop -> fulfilment order, once', () => {
  let gw: TestGateway;
  useNockForPartners();

  beforeAll(async () => {
    gw = await startRecordingGateway();
    await gw.partners.upsert({
      id: 'sg-wh',
      name: 'SG overseas warehouse (test)',
      kind: 'warehouse',
      connector: 'warehouse-rest',
      formats: [
        {
          format: 'json',
          messageType: 'warehouse.outbound.create',
          mapping: 'warehouse-rest-outbound-create',
          direction: 'out',
        },
      ],
      transports: [
        {
          kind: 'warehouse-rest',
          direction: 'out',
          baseUrl: `${WAREHOUSE}${ENDPOINT}`,
          auth: {
            type: 'signed-query',
            appKey: APP_KEY,
            appSecret: APP_SECRET,
            algorithm: 'hmac-sha256',
          },
        },
      ],
    });
    await gw.partners.upsert(
      shopeeShop({
        id: 'shopee-wh',
        shopId: 600777,
        key: KEY,
        callbackUrl: CALLBACK,
        baseUrl: SHOPEE,
        settings: shopSettings,
      }),
    );
  });
  afterAll(() => stopTestGateway(gw));

  const signedPush = async (body: string) => {
    const authorization = createHmac('sha256', KEY).update(`${CALLBACK}|${body}`).digest('hex');
    const r = await gw.request('/inbound/shopee-wh', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body,
    });
    expect([200, 202]).toContain(r.status);
  };

  it('sends one signed outbound order to the warehouse for three pushes of the order', async () => {
    let answers = 0;
    const shopee = nock(SHOPEE)
      .post('/api/v2/auth/access_token/get')
      .query(true)
      .reply(200, { error: '', access_token: 'access-1', refresh_token: 'r-1', expire_in: 14400 })
      .get('/api/v2/order/get_order_detail')
      .query((q) => q.order_sn_list === ORDER_SN)
      .times(3)
      // Each answer has its own request_id, as Shopee's do: three stored answers, three orders.
      .reply(200, () => ({ ...detail, request_id: `flow-test-${++answers}` }));
    const calls: Array<{ query: Record<string, string>; body: string }> = [];
    nock(WAREHOUSE)
      .post(ENDPOINT)
      .query(true)
      .times(3) // room for wrong repeats, which the test then counts
      .reply(function (uri, body) {
        const query = Object.fromEntries(new URL(uri, WAREHOUSE).searchParams);
        calls.push({ query, body: typeof body === 'string' ? body : JSON.stringify(body) });
        return [
          200,
          { result: '1', msg: 'success', data: { consignment_no: 'OC7001200000000123' } },
        ];
      });

    const partner = gw.partners.get('shopee-wh');
    const api = partner.transports.find((t) => t.kind === 'shopee-api')!;
    const ctx = pollContext(
      gw.app.get<MessageIntake>(MESSAGE_INTAKE),
      await new PgPollState(gw.pool).init(),
    );
    const poller = new ShopeeOrderDetailPoller({ db: gw.pool });
    // Pushed three times: the status change, Shopee's resend of it, and the next change; each
    // new push makes the connector fetch the order again.
    await signedPush(push('READY_TO_SHIP', 1793764900));
    await signedPush(push('READY_TO_SHIP', 1793764900).replace('1793764902', '1793764990'));
    expect(await poller.poll(partner, api, ctx)).toEqual({ received: 1, deferred: 0 });
    await signedPush(push('PROCESSED', 1793765100));
    expect(await poller.poll(partner, api, ctx)).toEqual({ received: 1, deferred: 0 });
    await signedPush(push('PROCESSED', 1793765200));
    expect(await poller.poll(partner, api, ctx)).toEqual({ received: 1, deferred: 0 });
    shopee.done();

    // The three SalesOrders went through the order book ...
    await eventually(async () => {
      const r = await gw.pool.query(
        "SELECT count(*)::int AS n FROM processed_envelopes WHERE consumer LIKE '%commerce'",
      );
      return r.rows[0].n >= 3;
    });
    // ... and the one fulfilment order reached the warehouse.
    await eventually(async () => {
      const r = await gw.pool.query(
        "SELECT state FROM messages WHERE partner_id = 'sg-wh' AND direction = 'out'",
      );
      return r.rows.length > 0 && r.rows.every((m) => m.state === 'sent');
    });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.query).toMatchObject({ app_key: APP_KEY, method: 'fu.wms.outbound.create' });
    expect(call.query.sign).toBe(hmacSign(call.query, call.body));
    expect(JSON.parse(call.body)).toEqual({
      ref_no: `FO-${ORDER_SN}`,
      from_warehouse_code: 'SGSIN1',
      sales_no: ORDER_SN,
      logistics_service_info: { logistics_product_code: 'SG-NINJAVAN' },
      currency: 'SGD',
      declare_value: '35.80',
      oconsignment_desc: {
        name: 'tan.meiling',
        street: '10 Orchard Road #05-01',
        city: 'Singapore',
        post_code: '238801',
        country: 'SG',
      },
      oconsignment_sku: [{ sku_code: 'DRIP-01-WHT', qty: 2, sku_desc: 'Ceramic dripper' }],
    });

    // The supervision mode rides on the canonical order, for clearance's message set.
    const orders = await gw.pool.query<{ body: { payload: { customsMode: string } } }>(
      "SELECT envelope AS body FROM outbox_events WHERE routing_key = 'commerce.order.created'",
    );
    expect(orders.rows.map((r) => r.body.payload.customsMode)).toEqual(['9810', '9810', '9810']);
    const created = await gw.pool.query(
      "SELECT count(*)::int AS n FROM outbox WHERE routing_key = 'warehouse.fulfillment.created'",
    );
    expect(created.rows[0].n).toBe(1);
  });

  it('cancelling the order leaves an operator task: TradeHub sends the REST warehouse no cancellation yet', async () => {
    nock(SHOPEE)
      .get('/api/v2/order/get_order_detail')
      .query(true)
      .reply(200, {
        ...detail,
        response: {
          order_list: [{ ...detail.response.order_list[0], order_status: 'CANCELLED' }],
        },
      });
    await signedPush(push('CANCELLED', 1793765300));
    const partner = gw.partners.get('shopee-wh');
    const api = partner.transports.find((t) => t.kind === 'shopee-api')!;
    const ctx = pollContext(
      gw.app.get<MessageIntake>(MESSAGE_INTAKE),
      await new PgPollState(gw.pool).init(),
    );
    await new ShopeeOrderDetailPoller({ db: gw.pool }).poll(partner, api, ctx);
    const task = await eventually(async () => {
      const r = await gw.pool.query(
        "SELECT outcome, partner_id, reason FROM commerce_order_work WHERE order_no = $1 AND kind = 'cancel-fulfilment'",
        [ORDER_SN],
      );
      return r.rows[0];
    });
    expect(task).toEqual({
      outcome: 'task',
      partner_id: 'sg-wh',
      reason: `order cancelled: cancel fulfilment order FO-${ORDER_SN} with warehouse sg-wh (TradeHub sends it no cancellation: no mapping for fu.wms.outbound.cancel yet)`,
    });
    // The operator sees the task and, once the warehouse has cancelled, closes it.
    const listed = (await (
      await gw.request('/commerce/tasks', { key: gw.adminKey })
    ).json()) as Array<{
      orderNo: string;
      kind: string;
      sellerKey: string;
    }>;
    expect(listed.map((t) => [t.orderNo, t.kind])).toEqual([[ORDER_SN, 'cancel-fulfilment']]);
    const done = await gw.request(`/commerce/tasks/${ORDER_SN}/cancel-fulfilment/done`, {
      method: 'POST',
      key: gw.adminKey,
      json: { sellerKey: listed[0].sellerKey, note: 'cancelled in the warehouse portal' },
    });
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({
      reason: expect.stringMatching(/ \/ cancelled in the warehouse portal$/),
    });
    expect(await (await gw.request('/commerce/tasks', { key: gw.adminKey })).json()).toEqual([]);
    const again = await gw.request(`/commerce/tasks/${ORDER_SN}/cancel-fulfilment/done`, {
      method: 'POST',
      key: gw.adminKey,
      json: { sellerKey: listed[0].sellerKey },
    });
    expect(again.status).toBe(404);
    const cancelled = await gw.pool.query<{ body: { payload: { customsMode: string } } }>(
      "SELECT envelope AS body FROM outbox_events WHERE routing_key = 'commerce.order.cancelled'",
    );
    expect(cancelled.rows.map((r) => r.body.payload.customsMode)).toEqual(['9810']);
  });
});
