import type { SalesOrder } from '../../../../core/model/documents/commerce.schema';
import type { ShopFlow } from '../../../../mappings/marketplace';
import { cancelsByResend, fulfilmentOrderOf, workDue, type OrderWork } from './order-flow';

const sgd = (amount: string) => ({ amount, currency: 'SGD' });

const order: SalesOrder = {
  orderNo: '261104FLOW0001',
  orderDate: '2026-11-04T08:00:00Z',
  status: 'READY_TO_SHIP',
  channel: { kind: 'MARKETPLACE', platform: 'shopee', shopId: '600123', fulfillment: 'SELLER' },
  seller: { name: 'Ningbo Homeware Co., Ltd.' },
  buyer: { name: 'lim.weiting', address: { country: 'SG' } },
  shipTo: { lines: ['1 Orchard Road'], city: 'Singapore', postalCode: '238801', country: 'SG' },
  customsMode: '9810',
  currency: 'SGD',
  lines: [
    {
      lineNo: 1,
      sku: 'DRIP-01-WHT',
      description: 'Ceramic dripper',
      quantity: { value: '2', unit: 'H87' },
      unitPrice: sgd('17.90'),
      amount: sgd('35.80'),
    },
  ],
  goodsValue: sgd('35.80'),
  totalAmount: sgd('35.80'),
  latestShipDate: '2026-11-07',
};

const warehouse: ShopFlow = {
  fulfilment: 'warehouse',
  warehousePartnerId: 'euro-wh',
  warehouseCode: 'SGSIN1',
  customsMode: '9810',
};
const none = new Set<OrderWork>();

describe('work an order asks for', () => {
  it('fulfils a ready order once, from the warehouse or as a direct shipment to book', () => {
    expect(workDue(order, warehouse, none)).toEqual(['fulfilment']);
    expect(workDue(order, warehouse, new Set(['fulfilment']))).toEqual([]);
    expect(workDue(order, { fulfilment: 'direct', customsMode: '9610' }, none)).toEqual([
      'shipment-booking',
    ]);
  });

  it('starts nothing for unpaid or shipped orders, marketplace-fulfilled ones, or shops without a flow', () => {
    expect(workDue({ ...order, status: 'PENDING' }, warehouse, none)).toEqual([]);
    expect(workDue({ ...order, status: 'SHIPPED' }, warehouse, none)).toEqual([]);
    const fbs = { ...order, channel: { ...order.channel, fulfillment: 'MARKETPLACE' as const } };
    expect(workDue(fbs, warehouse, none)).toEqual([]);
    expect(workDue(order, {}, none)).toEqual([]);
  });

  it('starts nothing for a bonded-import shop: clearance files the order, the zone ships on release', () => {
    expect(workDue(order, { fulfilment: 'bonded', customsMode: '1210' }, none)).toEqual([]);
    expect(workDue({ ...order, status: 'CANCELLED' }, { fulfilment: 'bonded' }, none)).toEqual([
      'cancelled',
    ]);
  });

  it('reverses a cancelled or returned order once, and never fulfils it afterwards', () => {
    expect(workDue({ ...order, status: 'CANCELLED' }, warehouse, none)).toEqual(['cancelled']);
    expect(workDue({ ...order, status: 'RETURNED' }, {}, new Set(['fulfilment']))).toEqual([
      'returned',
    ]);
    expect(workDue({ ...order, status: 'CANCELLED' }, warehouse, new Set(['cancelled']))).toEqual(
      [],
    );
    expect(workDue({ ...order, status: 'RETURNED' }, warehouse, new Set(['cancelled']))).toEqual(
      [],
    );
    expect(workDue(order, warehouse, new Set(['cancelled']))).toEqual([]);
  });
});

describe('the fulfilment order', () => {
  it('ships the order lines to its recipient from the shop warehouse', () => {
    expect(fulfilmentOrderOf(order, warehouse, '2026-11-04T08:01:00Z')).toEqual({
      fulfillmentNo: 'FO-261104FLOW0001',
      provider: 'euro-wh',
      warehouseCode: 'SGSIN1',
      orderNos: ['261104FLOW0001'],
      status: 'SUBMITTED',
      createdAt: '2026-11-04T08:01:00Z',
      shipTo: { name: 'lim.weiting', address: order.shipTo },
      shippingService: undefined,
      requestedShipDate: '2026-11-07',
      lines: [{ sku: 'DRIP-01-WHT', quantity: 2, description: 'Ceramic dripper' }],
      declaredValue: sgd('35.80'),
    });
  });

  it('refuses a line without SKU, naming it', () => {
    const noSku = { ...order, lines: [{ ...order.lines[0], sku: undefined }] };
    expect(() => fulfilmentOrderOf(noSku, warehouse, '2026-11-04T08:01:00Z')).toThrow(
      'line 1 of order 261104FLOW0001 has no SKU to pick',
    );
  });
});

describe('cancelling a fulfilment order', () => {
  it('is a resend for an X12 940 warehouse and an operator task for the 4PX-style REST one', () => {
    const x12 = [
      { direction: 'in', mapping: 'x12-945-warehouse-shipping-advice' },
      { direction: 'out', mapping: 'x12-940-warehouse-shipping-order' },
    ];
    expect(cancelsByResend(x12)).toBe(true);
    expect(cancelsByResend([{ direction: 'out', mapping: 'warehouse-rest-outbound-create' }])).toBe(
      false,
    );
    // Taking 940s in is no way to send one.
    expect(
      cancelsByResend([{ direction: 'in', mapping: 'x12-940-warehouse-shipping-order' }]),
    ).toBe(false);
  });
});
