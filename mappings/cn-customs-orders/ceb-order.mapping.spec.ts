import { cnCustomsCodec } from '../codecs/cn-customs/cn-customs.codec';
import { writeCebMessage, type CebMessageInput } from '../codecs/cn-customs/ceb-write';
import { validateDocument } from '../../core/model';
import { ceb303FromOrder, ceb311FromOrder } from '../cn-customs-outbound';
import * as f from '../cn-customs-outbound/__fixtures__/outbound-inputs';
import { cebOrderMapping } from './ceb-order.mapping';

const options = {
  head: f.head('4A1B2C3D-0000-4000-8000-000000000303'),
  messageGuid: '4A1B2C3D-0000-4000-8000-000000001303',
  platform: f.platform,
  seller: f.seller,
  sender: f.sender,
};

function map(input: CebMessageInput, checks?: 'strict' | 'lenient') {
  const bytes = writeCebMessage(input);
  const [message] = cnCustomsCodec.decode(bytes, cnCustomsCodec.detect(bytes)!);
  return cebOrderMapping.toCanonical(message, {
    partnerId: 'p',
    receivedAt: '2026-03-15T10:00:00+08:00',
    checks,
  });
}

describe('cebOrderMapping', () => {
  it('reads a CEB303 back to the SalesOrder it was written from', () => {
    const { documents, warnings } = map(ceb303FromOrder(f.order, options));
    expect(warnings).toEqual([]);
    const order = documents[0].payload as typeof f.order;
    expect(order).toMatchObject({
      orderNo: 'SO20260315001',
      orderDate: '2026-03-15T09:30:00+08:00',
      customsMode: '9610',
      currency: 'CNY',
      seller: { name: f.seller.name, identifiers: [{ scheme: 'CUSTOMS', value: '330296000A' }] },
      goodsValue: { amount: '100.5', currency: 'CNY' },
      totalAmount: { amount: '120.5', currency: 'CNY' },
    });
    expect(order.lines.map((l) => [l.sku, l.quantity, l.amount.amount])).toEqual([
      ['MUG-350', { value: '2', unit: 'H87' }, '90'],
      ['LID-01', { value: '1', unit: 'H87' }, '10.5'],
    ]);
    expect(() => validateDocument('SalesOrder', order)).not.toThrow();
  });

  it('reads a CEB311 with its buyer, consignee and origin countries', () => {
    const { documents } = map(ceb311FromOrder({ ...f.order, orderNo: 'SI1' }, f.buyer, options));
    const order = documents[0].payload as typeof f.order;
    expect(order).toMatchObject({
      buyer: { name: '张三' },
      consignee: { name: '张三', address: { country: 'CN' } },
      totalAmount: { amount: '120.5', currency: 'CNY' },
    });
    expect(order.lines[0].originCountry).toBe('CN');
    expect(() => validateDocument('SalesOrder', order)).not.toThrow();
  });

  it('leaves out an order with an unknown unit, naming the field, and fails when none maps', () => {
    const input = ceb303FromOrder(f.order, options);
    const [order] = input.business.Order;
    const badLines = (order.OrderList as Array<Record<string, string>>).map((l) => ({
      ...l,
      unit: 'aaa',
    }));
    const bad = { ...order, OrderList: badLines };
    const { documents, warnings } = map({ ...input, business: { Order: [bad, order] } });
    expect(documents).toHaveLength(1);
    expect(warnings).toEqual([
      '/CEB303Message/Order[1]/OrderList[1]/unit: unit: "aaa" is not a known customs unit code',
    ]);
    expect(() => map({ ...input, business: { Order: [bad] } })).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        location: { xpath: '/CEB303Message/Order[1]/OrderList[1]/unit' },
      }),
    );
  });

  describe('placeholder line codes (the official CEB303 sample: unit and currency `aaa`)', () => {
    const input = ceb303FromOrder(f.order, options);
    const [order] = input.business.Order;
    const placeholders = {
      ...order,
      OrderList: (order.OrderList as Array<Record<string, string>>).map((l) => ({
        ...l,
        unit: 'aaa',
        currency: 'aaa',
      })),
    };
    const sample = { ...input, business: { Order: [placeholders] } };

    it('lenient: lines take the head currency and unit ZZ, each with a located warning', () => {
      const { documents, warnings } = map(sample, 'lenient');
      const mapped = documents[0].payload as typeof f.order;
      expect(mapped.lines.map((l) => [l.quantity, l.amount])).toEqual([
        [
          { value: '2', unit: 'ZZ' },
          { amount: '90', currency: 'CNY' },
        ],
        [
          { value: '1', unit: 'ZZ' },
          { amount: '10.5', currency: 'CNY' },
        ],
      ]);
      expect(() => validateDocument('SalesOrder', mapped)).not.toThrow();
      expect(warnings).toEqual([
        `/CEB303Message/Order[1]/OrderList[1]/currency: "aaa" is not a known customs currency code; the order's CNY (OrderHead/currency) is used`,
        '/CEB303Message/Order[1]/OrderList[1]/unit: "aaa" is not a known customs unit code; quantity kept with unit ZZ (mutually defined)',
        `/CEB303Message/Order[1]/OrderList[2]/currency: "aaa" is not a known customs currency code; the order's CNY (OrderHead/currency) is used`,
        '/CEB303Message/Order[1]/OrderList[2]/unit: "aaa" is not a known customs unit code; quantity kept with unit ZZ (mutually defined)',
      ]);
    });

    it('strict: refuses the order naming the field by XPath', () => {
      for (const checks of [undefined, 'strict'] as const)
        expect(() => map(sample, checks)).toThrow(
          expect.objectContaining({
            kind: 'mapping',
            message: 'currency: "aaa" is not a known customs currency code',
            location: { xpath: '/CEB303Message/Order[1]/OrderList[1]/currency' },
          }),
        );
    });

    it('lenient: a known line currency that differs from the head is still refused', () => {
      const usd = {
        ...order,
        OrderList: (order.OrderList as Array<Record<string, string>>).map((l) => ({
          ...l,
          currency: '502',
        })),
      };
      expect(() => map({ ...input, business: { Order: [usd] } }, 'lenient')).toThrow(
        'currency: line 1 is not in the order currency CNY',
      );
    });
  });
});
