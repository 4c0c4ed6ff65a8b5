import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import { carriesAmounts, mergeOrderUpdate } from './order-update';

const usd = (amount: string) => ({ amount, currency: 'USD' });

const priced: SalesOrder = {
  orderNo: '114-0000000-0000001',
  orderDate: '2026-11-03T08:15:02Z',
  status: 'CONFIRMED',
  rawStatus: { code: 'Unshipped' },
  channel: { kind: 'MARKETPLACE', platform: 'amazon', marketplaceId: 'ATVPDKIKX0DER' },
  seller: { name: 'Ningbo Homeware Co., Ltd.' },
  buyer: { name: 'J. Doe', address: { country: 'US' } },
  customsMode: '9610',
  currency: 'USD',
  lines: [
    {
      lineNo: 1,
      sku: 'LAMP-DESK-BLK',
      description: 'Desk lamp',
      quantity: { value: '2', unit: 'H87' },
      unitPrice: usd('24.50'),
      amount: usd('49.00'),
    },
  ],
  goodsValue: usd('49.00'),
  totalAmount: usd('53.99'),
};

/** As ORDER_CHANGE states it: status and items, every amount zero, a placeholder buyer. */
const notification: SalesOrder = {
  ...priced,
  status: 'CANCELLED',
  rawStatus: { code: 'Canceled', description: 'Buyer Requested Cancel' },
  channel: { ...priced.channel, fulfillment: 'SELLER' },
  buyer: { name: 'Amazon customer', address: { country: 'US' } },
  lines: [
    {
      ...priced.lines[0],
      description: 'LAMP-DESK-BLK',
      unitPrice: usd('0.00'),
      amount: usd('0.00'),
    },
  ],
  goodsValue: usd('0.00'),
  totalAmount: usd('0.00'),
  latestShipDate: '2026-11-06',
};

describe('order updates', () => {
  it('tells a status notification (all amounts zero) from an order with amounts', () => {
    expect(carriesAmounts(priced)).toBe(true);
    expect(carriesAmounts(notification)).toBe(false);
    // Free goods with a charged total still state amounts.
    expect(carriesAmounts({ ...notification, totalAmount: usd('4.99') })).toBe(true);
  });

  it('changes only what a notification carries and keeps known lines, totals and parties', () => {
    expect(mergeOrderUpdate(priced, notification)).toEqual({
      ...priced,
      status: 'CANCELLED',
      rawStatus: { code: 'Canceled', description: 'Buyer Requested Cancel' },
      channel: { ...priced.channel, fulfillment: 'SELLER' },
      latestShipDate: '2026-11-06',
    });
  });

  it('takes an order with amounts whole, and a notification when nothing better is known', () => {
    const repriced = { ...priced, status: 'SHIPPED' as const, totalAmount: usd('60.00') };
    expect(mergeOrderUpdate(priced, repriced)).toBe(repriced);
    expect(mergeOrderUpdate(notification, priced)).toBe(priced);
    expect(mergeOrderUpdate(undefined, notification)).toBe(notification);
  });
});
