import { randomUUID } from 'node:crypto';
import { PartnerRepository } from '../../core/storage/partner.repository';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

const API_KEY = 'eventbridge-order-book-key';
const ORDER_ID = '114-5550001-0000001';

/** getOrder with its getOrderItems joined, as the Amazon connector stores it: 2 x 24.50 + shipping. */
const pricedOrder = {
  payload: {
    AmazonOrderId: ORDER_ID,
    PurchaseDate: '2026-11-03T08:15:02Z',
    LastUpdateDate: '2026-11-03T08:20:00Z',
    OrderStatus: 'Unshipped',
    FulfillmentChannel: 'MFN',
    MarketplaceId: 'ATVPDKIKX0DER',
    OrderTotal: { CurrencyCode: 'USD', Amount: '53.99' },
    OrderItems: [
      {
        ASIN: 'B0LAMPDESK',
        SellerSKU: 'LAMP-DESK-BLK',
        Title: 'Desk lamp, black',
        QuantityOrdered: 2,
        ItemPrice: { CurrencyCode: 'USD', Amount: '49.00' },
        ShippingPrice: { CurrencyCode: 'USD', Amount: '4.99' },
      },
    ],
  },
};

/** An ORDER_CHANGE notification: status and items, no prices (each delivery its own id). */
const orderChange = (status: string, notificationId = randomUUID()) => ({
  NotificationVersion: '1.0',
  NotificationType: 'ORDER_CHANGE',
  PayloadVersion: '1.0',
  EventTime: '2026-11-04T10:20:00.000Z',
  Payload: {
    OrderChangeNotification: {
      NotificationLevel: 'OrderLevel',
      SellerId: 'A2CBSELLER',
      AmazonOrderId: ORDER_ID,
      OrderChangeType: 'OrderStatusChange',
      Summary: {
        MarketplaceId: 'ATVPDKIKX0DER',
        OrderStatus: status,
        PurchaseDate: '2026-11-03T08:15:02.000Z',
        FulfillmentType: 'MFN',
        OrderItems: [{ OrderItemId: '60000000000001', SellerSKU: 'LAMP-DESK-BLK', Quantity: 2 }],
      },
    },
  },
  NotificationMetadata: {
    ApplicationId: 'amzn1.sp.solution.th-app',
    SubscriptionId: 'sub-th-0002',
    PublishTime: '2026-11-04T10:20:01.000Z',
    NotificationId: notificationId,
  },
});

describe('commerce order book: Amazon status notifications and cancellation', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    await new PartnerRepository().upsertClient(gw.pool, {
      id: 'hzlamp',
      name: 'Hangzhou Lamp Works',
      identifiers: [],
    });
    const settings = { shopId: 'A2CBSELLER', sellerName: 'Hangzhou Lamp Works Co., Ltd.' };
    await gw.partners.upsert({
      id: 'amazon-cb',
      name: 'Amazon US (test)',
      kind: 'marketplace',
      connector: 'commerce-amazon',
      clientId: 'hzlamp',
      formats: [
        { format: 'json', messageType: 'amazon.order', mapping: 'amazon-order', settings },
        {
          format: 'json',
          messageType: 'amazon.notification.ORDER_CHANGE',
          mapping: 'amazon-order-change',
          settings,
        },
      ],
      transports: [{ kind: 'http-inbound', direction: 'in', apiKey: API_KEY }],
    });
  });
  afterAll(() => stopTestGateway(gw));

  const push = async (body: unknown) => {
    const r = await gw.request('/inbound/amazon-cb', {
      method: 'POST',
      headers: { 'x-api-key': API_KEY },
      json: body,
    });
    expect([200, 202]).toContain(r.status);
  };

  /** Waits until the commerce handler has taken n order envelopes. */
  const commerceTook = (n: number) =>
    eventually(async () => {
      const r = await gw.pool.query(
        "SELECT count(*)::int AS n FROM processed_envelopes WHERE consumer LIKE '%commerce'",
      );
      return r.rows[0].n >= n;
    });

  const stored = async () =>
    (
      await gw.pool.query<{
        status: string;
        total_amount: string;
        currency: string;
        sales_order: { lines: Array<{ amount: { amount: string } }>; buyer: { name: string } };
      }>(
        'SELECT status, total_amount, currency, sales_order FROM commerce_orders WHERE order_no = $1',
        [ORDER_ID],
      )
    ).rows[0];

  it('keeps the known total and lines when an ORDER_CHANGE without amounts changes the status', async () => {
    await push(pricedOrder);
    await commerceTook(1);
    const before = await stored();
    expect(before).toMatchObject({ status: 'CONFIRMED', total_amount: '53.9900', currency: 'USD' });

    await push(orderChange('Shipped'));
    await commerceTook(2);
    const after = await stored();
    expect(after.status).toBe('SHIPPED');
    expect(after.total_amount).toBe('53.9900');
    expect(after.sales_order.lines).toEqual(before.sales_order.lines);
    expect(after.sales_order.buyer).toEqual(before.sales_order.buyer);
  });

  it('publishes the cancellation once however often Amazon delivers it, and takes it out of GMV', async () => {
    const first = orderChange('Canceled');
    await push(first);
    await push(first); // the same delivery again: a duplicate at the door
    await push(orderChange('Canceled'));
    await push(orderChange('Canceled'));
    await commerceTook(5);
    expect(await stored()).toMatchObject({ status: 'CANCELLED', total_amount: '53.9900' });

    const cancelled = await gw.pool.query<{ body: { payload: Record<string, unknown> } }>(
      "SELECT envelope AS body FROM outbox_events WHERE routing_key = 'commerce.order.cancelled'",
    );
    expect(cancelled.rows).toHaveLength(1);
    expect(cancelled.rows[0].body.payload).toMatchObject({
      orderNo: ORDER_ID,
      status: 'CANCELLED',
      totalAmount: { amount: '53.99', currency: 'USD' },
    });
    // Filed on the trade timeline under the order number.
    const timeline = await gw.pool.query(
      `SELECT d.event_type FROM trade_refs r JOIN documents d ON d.id = r.document_id
        WHERE r.kind = 'orderNo' AND r.value = $1 AND d.event_type = 'commerce.order.cancelled'`,
      [ORDER_ID],
    );
    expect(timeline.rowCount).toBe(1);
    // Marketing counts it no more: kept with its amount, out of the day's orders and GMV.
    const marketing = await eventually(async () => {
      const r = await gw.pool.query(
        'SELECT status, goods_value FROM marketing_orders WHERE order_no = $1',
        [ORDER_ID],
      );
      return r.rows[0]?.status === 'CANCELLED' && r.rows[0];
    });
    expect(marketing.goods_value).toBe('49.0000');
    const report = await eventually(async () => {
      const r = await gw.request(
        '/marketing/analytics?from=2026-11-03&to=2026-11-03&currency=USD',
        {
          key: gw.adminKey,
        },
      );
      const body = (await r.json()) as { total: { orders: number; gmv: string } };
      return body.total.orders === 0 && body;
    });
    expect(report.total.orders).toBe(0);
  });
});
