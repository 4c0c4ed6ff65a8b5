import { createHmac } from 'node:crypto';
import { PartnerRepository } from '../../core/storage/partner.repository';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

const SHOPEE_KEY = 'shpk-marketing-month-key';
const CALLBACK = 'https://hub.marketing-test.example/inbound/shopee-nbhs';
const AMAZON_KEY = 'eventbridge-marketing-month-key';

const epoch = (iso: string) => Date.parse(iso) / 1000;

/** A get_order_detail answer of one order with one line. */
function shopeeOrder(
  sn: string,
  day: string,
  qty: number,
  price: number,
  status = 'COMPLETED',
  promotion = 0,
) {
  return {
    error: '',
    message: '',
    response: {
      order_list: [
        {
          order_sn: sn,
          region: 'SG',
          currency: 'SGD',
          order_status: status,
          create_time: epoch(`${day}T06:00:00Z`),
          buyer_username: `buyer-${sn}`,
          recipient_address: { city: 'Singapore', region: 'SG' },
          item_list: [
            {
              item_name: 'Ceramic dripper',
              model_sku: 'DRIP-01',
              model_quantity_purchased: qty,
              model_discounted_price: price,
              promotion_id: promotion,
            },
          ],
        },
      ],
    },
  };
}

/** getOrder with its getOrderItems joined, as the Amazon connector stores it. */
function amazonOrder(
  id: string,
  day: string,
  qty: number,
  itemPrice: string,
  promotions: string[] = [],
) {
  return {
    payload: {
      AmazonOrderId: id,
      PurchaseDate: `${day}T15:00:00Z`,
      LastUpdateDate: `${day}T16:00:00Z`,
      OrderStatus: 'Shipped',
      FulfillmentChannel: 'AFN',
      MarketplaceId: 'ATVPDKIKX0DER',
      OrderTotal: { CurrencyCode: 'USD', Amount: itemPrice },
      OrderItems: [
        {
          ASIN: 'B0LAMP',
          SellerSKU: 'LAMP-DESK',
          QuantityOrdered: qty,
          ItemPrice: { CurrencyCode: 'USD', Amount: itemPrice },
          PromotionIds: promotions,
        },
      ],
    },
  };
}

const TIKTOK_CSV = `Campaign name,Campaign ID,Date,Cost,Impressions,Clicks
Shopee SG Nov,T-100,2026-11-01,5.00,1000,40
Shopee SG Nov,T-100,2026-11-02,3.00,800,22
Shopee SG Nov,T-100,2026-11-15,4.00,900,31
Shopee SG Nov,T-100,2026-12-01,2.00,300,9
`;

const GOOGLE_CSV = `Campaign report
"November 1, 2026 - November 30, 2026"
Day,Campaign ID,Campaign,Currency code,Cost,Impr.,Clicks
2026-11-04,555,Amazon US Search,USD,8.00,"1,200",30
2026-11-05,555,Amazon US Search,USD,12.00,900,25
Total: Account,--,--,USD,20.00,"2,100",55
`;

describe('marketing: a month of Shopee and Amazon orders and ad spend', () => {
  let gw: TestGateway;
  let clientKey: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    await new PartnerRepository().upsertClient(gw.pool, {
      id: 'nbhs',
      name: 'Ningbo Homeware',
      identifiers: [],
    });
    const settings = {
      shopId: '600123',
      sellerName: 'Ningbo Homeware Co., Ltd.',
      customsMode: '9610',
    };
    await gw.partners.upsert({
      id: 'shopee-nbhs',
      name: 'Shopee SG (test)',
      kind: 'marketplace',
      connector: 'commerce-shopee',
      clientId: 'nbhs',
      formats: [
        {
          format: 'json',
          messageType: 'shopee.order.detail',
          mapping: 'shopee-order-detail',
          settings,
        },
      ],
      transports: [
        { kind: 'http-inbound', direction: 'in', partnerKey: SHOPEE_KEY, callbackUrl: CALLBACK },
      ],
    });
    await gw.partners.upsert({
      id: 'amazon-nbhs',
      name: 'Amazon US (test)',
      kind: 'marketplace',
      connector: 'commerce-amazon',
      clientId: 'nbhs',
      formats: [
        {
          format: 'json',
          messageType: 'amazon.order',
          mapping: 'amazon-order',
          settings: { ...settings, shopId: 'A2NBHS' },
        },
      ],
      transports: [{ kind: 'http-inbound', direction: 'in', apiKey: AMAZON_KEY }],
    });
    clientKey = await gw.key('viewer', 'nbhs');
  });
  afterAll(() => stopTestGateway(gw));

  const shopee = async (body: unknown) => {
    const text = JSON.stringify(body);
    const authorization = createHmac('sha256', SHOPEE_KEY)
      .update(`${CALLBACK}|${text}`)
      .digest('hex');
    const r = await gw.request('/inbound/shopee-nbhs', {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: text,
    });
    expect(r.status).toBe(202);
  };
  const amazon = async (body: unknown) => {
    const r = await gw.request('/inbound/amazon-nbhs', {
      method: 'POST',
      headers: { 'x-api-key': AMAZON_KEY },
      json: body,
    });
    expect(r.status).toBe(202);
  };
  const api = async (
    path: string,
    init: { method?: string; json?: unknown; key?: string } = {},
  ) => {
    const r = await gw.request(path, { key: gw.adminKey, ...init });
    const text = await r.text();
    return { status: r.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  };

  it('answers GMV by channel and ROAS per campaign, computed by hand', async () => {
    await shopee(shopeeOrder('S0-OCT', '2026-10-31', 1, 10)); // before the month
    await shopee(shopeeOrder('S1', '2026-11-03', 2, 10, 'COMPLETED', 7700123));
    await shopee(shopeeOrder('S2', '2026-11-10', 1, 30, 'SHIPPED', 7700123));
    await shopee(shopeeOrder('S3', '2026-11-18', 3, 10));
    await shopee(shopeeOrder('S4', '2026-11-20', 1, 50, 'CANCELLED', 7700123)); // sold nothing
    await amazon(amazonOrder('111-0000001-0000001', '2026-11-05', 2, '40.00', ['G-SPRING']));
    await amazon(amazonOrder('111-0000002-0000002', '2026-11-25', 1, '25.00'));
    await eventually(
      async () =>
        Number((await gw.pool.query('SELECT count(*) FROM marketing_orders')).rows[0].count) === 7,
    );

    const rates = [
      { currency: 'SGD', quoteCurrency: 'USD', rateDate: '2026-11-01', rate: '0.74' },
      { currency: 'SGD', quoteCurrency: 'USD', rateDate: '2026-11-16', rate: '0.75' },
    ];
    expect((await api('/marketing/fx-rates', { method: 'PUT', json: { rates } })).status).toBe(200);

    // S1 20.00 x 0.74 = 14.80, S2 30.00 x 0.74 = 22.20, S3 30.00 x 0.75 = 22.50 -> Shopee 59.50;
    // Amazon 40.00 + 25.00 = 65.00; 5 orders that sold: 124.50, AOV 24.90.
    const month = '/marketing/analytics?from=2026-11-01&to=2026-11-30&currency=USD&groupBy=channel';
    const report = await api(month, { key: clientKey });
    expect(report.body.total).toEqual({ gmv: '124.50', orders: 5, aov: '24.90' });
    expect(report.body.groups).toEqual([
      { channel: 'amazon', gmv: '65.00', orders: 2, units: '3', aov: '32.50' },
      { channel: 'shopee', gmv: '59.50', orders: 3, units: '6', aov: '19.83' },
    ]);
    const bySku = await api(month.replace('groupBy=channel', 'groupBy=sku'));
    expect(bySku.body.groups.map((g: { sku: string; gmv: string }) => [g.sku, g.gmv])).toEqual([
      ['DRIP-01', '59.50'],
      ['LAMP-DESK', '65.00'],
    ]);
    // Without a rate for a currency the report is refused, not guessed.
    expect((await api(month.replace('currency=USD', 'currency=EUR'))).status).toBe(422);

    const campaigns = [
      {
        platform: 'tiktok',
        campaignId: 'T-100',
        name: 'Shopee SG Nov',
        promotionIds: ['7700123'],
        clientId: 'nbhs',
      },
      {
        platform: 'google-ads',
        campaignId: '555',
        name: 'Amazon US Search',
        promotionIds: ['G-SPRING'],
        clientId: 'nbhs',
      },
    ];
    for (const c of campaigns)
      expect((await api('/marketing/campaigns', { method: 'PUT', json: c })).status).toBe(200);
    const tiktok = await api('/marketing/ad-spend/import', {
      method: 'POST',
      json: { platform: 'tiktok', csv: TIKTOK_CSV, accountCurrency: 'USD', clientId: 'nbhs' },
    });
    expect(tiktok.body).toEqual({ platform: 'tiktok', rows: 4, campaigns: 1 });
    const google = await api('/marketing/ad-spend/import', {
      method: 'POST',
      json: { platform: 'google-ads', csv: GOOGLE_CSV, clientId: 'nbhs' },
    });
    expect(google.body).toEqual({ platform: 'google-ads', rows: 2, campaigns: 1 });

    // T-100: spend 5 + 3 + 4 = 12.00 (December left out); S1 + S2 = 37.00 (S4 cancelled):
    // ROAS 37 / 12 = 3.0833, cost per order 6.00. 555: 8 + 12 = 20.00; 40.00 -> 2.0000, 20.00.
    const perf = await api(
      '/marketing/campaigns/performance?from=2026-11-01&to=2026-11-30&currency=USD',
      { key: clientKey },
    );
    expect(perf.body.campaigns).toEqual([
      {
        platform: 'google-ads',
        campaignId: '555',
        name: 'Amazon US Search',
        spend: '20.00',
        orders: 1,
        revenue: '40.00',
        roas: '2.0000',
        costPerOrder: '20.00',
      },
      {
        platform: 'tiktok',
        campaignId: 'T-100',
        name: 'Shopee SG Nov',
        spend: '12.00',
        orders: 2,
        revenue: '37.00',
        roas: '3.0833',
        costPerOrder: '6.00',
      },
    ]);
  });

  it('keeps clients apart and lets only operators or the client change campaigns', async () => {
    const other = await gw.key('viewer', 'szyt');
    const month = '/marketing/analytics?from=2026-11-01&to=2026-11-30&currency=USD';
    expect((await api(`${month}&clientId=nbhs`, { key: other })).status).toBe(403);
    const theirs = await api(month, { key: other });
    expect(theirs.body.total).toEqual({ gmv: '0.00', orders: 0, aov: '0.00' });
    const viewer = await gw.key('viewer');
    const put = await api('/marketing/campaigns', {
      method: 'PUT',
      key: viewer,
      json: { platform: 'tiktok', campaignId: 'X', name: 'X' },
    });
    expect(put.status).toBe(403);
  });

  it('exports product feeds with required fields validated, and checks listings against the rules', async () => {
    const product = {
      sku: 'DRIP-01',
      title: 'Ceramic pour-over coffee dripper',
      description: 'Hand-glazed ceramic dripper for size 02 filters',
      link: 'https://shop.example.com/p/drip-01',
      imageLink: 'https://shop.example.com/i/drip-01.jpg',
      price: { amount: '17.90', currency: 'SGD' },
      availability: 'in_stock',
      condition: 'new',
      brand: 'Ningbo Home',
      gtin: '4006381333931',
      category: 'Home > Kitchen',
      weightKg: '0.45',
    };
    const gmc = await api('/marketing/feeds/google-merchant', {
      method: 'POST',
      json: { products: [product] },
    });
    expect(gmc.body).toBe(
      'id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\tcondition\tbrand\tgtin\tmpn\tidentifier_exists\n' +
        'DRIP-01\tCeramic pour-over coffee dripper\tHand-glazed ceramic dripper for size 02 filters\thttps://shop.example.com/p/drip-01\thttps://shop.example.com/i/drip-01.jpg\tin stock\t17.90 SGD\tnew\tNingbo Home\t4006381333931\t\tyes\n',
    );
    const tiktok = await api('/marketing/feeds/tiktok', {
      method: 'POST',
      json: { products: [{ ...product, title: 'Dripper, ceramic' }] },
    });
    expect(tiktok.body.split('\n')[1]).toBe(
      'DRIP-01,"Dripper, ceramic",Hand-glazed ceramic dripper for size 02 filters,in stock,new,17.90 SGD,https://shop.example.com/p/drip-01,https://shop.example.com/i/drip-01.jpg,Ningbo Home',
    );
    const bad = await api('/marketing/feeds/google-merchant', {
      method: 'POST',
      json: { products: [{ sku: 'X1', title: 'No price' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((p: { field: string }) => p.field)).toEqual([
      'description',
      'link',
      'image_link',
      'availability',
      'price',
      'condition',
      'brand',
    ]);

    const check = await api('/marketing/listing-check', {
      method: 'POST',
      json: {
        marketplace: 'amazon',
        products: [
          product,
          { sku: 'VIT-C', title: 'Vitamin C', category: 'Health > Supplements > Vitamins' },
        ],
      },
    });
    expect(check.body.ok).toBe(false);
    expect(check.body.products[0]).toMatchObject({ sku: 'DRIP-01', ok: true, missing: [] });
    expect(check.body.products[1]).toMatchObject({
      sku: 'VIT-C',
      ok: false,
      missing: ['brand', 'description', 'price', 'imageLink', 'condition'],
      restricted: { level: 'approval' },
    });
  });
});
