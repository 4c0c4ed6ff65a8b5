import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import type { FulfillmentOrder } from '../../core/model/documents/warehouse.schema';
import { validateDocument } from '../../core/model/documents';
import { goldenContext, inboundHarness } from '../x12-warehouse/x12-golden.testing';
import { x12ReceivedShippingOrderMapping } from './x12-940.inbound.mapping';

const h = inboundHarness<FulfillmentOrder>(
  x12ReceivedShippingOrderMapping,
  join(__dirname, 'golden-received'),
);
const { map, mapError, payloadOf: orderOf } = h;
const order = h.sample('received-depositor-order.edi');
const noSettings = { ...goldenContext, settings: undefined };

describe('X12 940 received from a depositor -> FulfillmentOrder', () => {
  it.each(h.cases)('maps golden case %s', h.checkGolden);

  it('maps without a partner record: UTC, the N1 WH code and name as sent', () => {
    const result = map(order, noSettings);
    const payload = validateDocument<FulfillmentOrder>(
      'FulfillmentOrder',
      result.documents[0].payload,
    );
    expect(payload).toMatchObject({
      provider: 'PACIFIC CREST ONTARIO DC',
      warehouseCode: 'ONT01',
      createdAt: '2025-03-11T16:30:00+00:00',
    });
  });

  it('falls back to the interchange receiver and the GS date without N1 WH and G62 04', () => {
    const bare = order
      .replace('N1*WH*PACIFIC CREST ONTARIO DC*91*ONT01~\n', '')
      .replace('G62*04*20250311*8*1630~\n', '')
      .replace('SE*19', 'SE*17');
    expect(map(bare, noSettings).documents[0].payload).toMatchObject({
      provider: 'TRADEHUB',
      warehouseCode: 'TRADEHUB',
      createdAt: '2025-03-12T08:15:00+00:00',
    });
  });

  it('reads W0501 F as a cancellation of the same order', () => {
    expect(orderOf(order.replace('W05*N*', 'W05*F*'))).toMatchObject({
      status: 'CANCELLED',
      rawStatus: { code: 'F', description: '940 shipping order, cancel' },
    });
  });

  it('keeps an order without ship-to, with a warning', () => {
    const text = order
      .replace(/N1\*ST\*[^~]*~\nN3\*[^~]*~\nN4\*[^~]*~\nPER\*[^~]*~\n/, '')
      .replace('SE*19', 'SE*15');
    const result = map(text);
    expect(result.documents[0].payload).not.toHaveProperty('shipTo');
    expect(result.warnings).toContain('940 0412 names no ship-to (N1 ST)');
  });

  it('warns when W76 does not total the lines', () => {
    expect(map(order.replace('W76*27*', 'W76*30*')).warnings).toContain(
      'W7601 totals 30, the W01 lines add up to 27',
    );
  });

  it('leaves out a GTIN that fails its check digit, with a warning', () => {
    const result = map(order.replace('UP*036000291452', 'UP*036000291453'));
    expect((result.documents[0].payload as FulfillmentOrder).lines[0]).not.toHaveProperty('gtin');
    expect(result.warnings[0]).toMatch(/UP 036000291453 fails the GS1 check/);
  });

  it('takes W0103 as the SKU when no product id qualifier carries one', () => {
    const text = order.replace('W01*3*CA**VN*MUG-350-BLU', 'W01*3*CA*10036000291459');
    expect(orderOf(text).lines[1].sku).toBe('10036000291459');
  });

  it.each([
    [
      'an unknown order status',
      order.replace('W05*N*', 'W05*Q*'),
      'W05',
      4,
      /W0501 order status 'Q'/,
    ],
    ['a line of zero', order.replace('W01*24*EA', 'W01*0*EA'), 'W01', 15, /quantity of 0/],
    ['a fractional quantity', order.replace('W01*24*EA', 'W01*2.5*EA'), 'W01', 15, /'2.5'/],
    ['an unmapped unit', order.replace('W01*3*CA', 'W01*3*ZZ'), 'W01', 18, /unit 'ZZ'/],
    [
      'a line without SKU',
      order.replace('W01*3*CA**VN*MUG-350-BLU', 'W01*3*CA'),
      'W01',
      18,
      /no SKU/,
    ],
    [
      'an impossible order date',
      order.replace('G62*04*20250311', 'G62*04*20250231'),
      'G62',
      11,
      /not a valid date/,
    ],
    [
      'a ship-to in no country',
      order.replace('N4*OAKLAND*CA*94607', 'N4*OAKLAND*CA*94607*XX'),
      'N4',
      7,
      /N404 'XX'/,
    ],
  ])('refuses %s at its segment', (_why, text, tag, index, message) => {
    const err = mapError(text);
    expect(err).toBeInstanceOf(TradeError);
    expect(err).toMatchObject({
      kind: 'mapping',
      location: { segmentTag: tag, segmentIndex: index },
    });
    expect(err.message).toMatch(message);
  });
});
