import { TradeError } from '../../../core/errors/trade-error';
import { createJsonCodec, jsonCodec } from './json.codec';
import type { JsonSniffer } from './json-sniffers';

const detect = (value: unknown) => jsonCodec.detect(Buffer.from(JSON.stringify(value)));

function rejection(text: string, codec = jsonCodec): TradeError {
  const input = Buffer.from(text);
  try {
    codec.decode(input, codec.detect(input) ?? { format: 'json', standard: 'JSON' });
  } catch (err) {
    expect(err).toMatchObject({ kind: 'rejected', stage: 'parse' });
    return err as TradeError;
  }
  throw new Error('accepted');
}

describe('jsonCodec', () => {
  it('detects JSON by its first non-space byte, BOM tolerated', () => {
    expect(jsonCodec.detect(Buffer.from('\uFEFF \n [1]'))).toEqual({
      format: 'json',
      standard: 'JSON',
      charset: 'utf-8',
    });
    expect(jsonCodec.detect(Buffer.from('<a/>'))).toBeNull();
    expect(jsonCodec.detect(Buffer.from('UNB+UNOC:3'))).toBeNull();
  });

  it.each([
    [
      'DCSA T&T 2.2 events',
      [{ eventID: 'e1', eventType: 'TRANSPORT', eventClassifierCode: 'ACT' }],
      'DCSA',
      '2.2',
      'dcsa.tnt.events',
    ],
    [
      'DCSA T&T 3.0 events',
      { events: [{ eventID: 'e1', eventClassification: { eventTypeCode: 'SHIPMENT' } }] },
      'DCSA',
      '3.0',
      'dcsa.tnt.events',
    ],
    [
      'DCSA T&T 3.0 metadata/payload',
      { metadata: { eventID: 'e1' }, payload: {} },
      'DCSA',
      '3.0',
      'dcsa.tnt.events',
    ],
    [
      'DCSA booking request',
      { receiptTypeAtOrigin: 'CY', deliveryTypeAtDestination: 'CY', requestedEquipments: [] },
      'DCSA',
      '2.0',
      'dcsa.booking.request',
    ],
    [
      'DCSA booking by reference',
      { carrierBookingRequestReference: 'CBRR1' },
      'DCSA',
      '2.0',
      'dcsa.booking.request',
    ],
    [
      'DCSA booking confirmation',
      { carrierBookingReference: 'BKG1', bookingStatus: 'CONFIRMED' },
      'DCSA',
      '2.0',
      'dcsa.booking.confirmation',
    ],
    [
      'DCSA shipping instructions',
      { transportDocumentTypeCode: 'BOL', consignmentItems: [], documentParties: {} },
      'DCSA',
      '3.0',
      'dcsa.ebl.shipping-instructions',
    ],
    [
      'Shopee order-status push',
      { shop_id: 7277, code: 3, timestamp: 1, data: { ordersn: '2208', status: 'READY_TO_SHIP' } },
      'Shopee',
      'v2',
      'shopee.push.3',
    ],
    [
      'Shopee order detail',
      { response: { order_list: [{ order_sn: '2208' }] } },
      'Shopee',
      'v2',
      'shopee.order.detail',
    ],
    [
      'Amazon ORDER_CHANGE',
      { NotificationType: 'ORDER_CHANGE', PayloadVersion: '1.0', Payload: {} },
      'Amazon SP-API',
      '1.0',
      'amazon.notification.ORDER_CHANGE',
    ],
    [
      'Amazon getOrders',
      { payload: { Orders: [{ AmazonOrderId: '902-1' }] } },
      'Amazon SP-API',
      'v0',
      'amazon.orders',
    ],
    [
      'Amazon getOrder',
      { payload: { AmazonOrderId: '902-1', PurchaseDate: '2025-01-01T00:00:00Z' } },
      'Amazon SP-API',
      'v0',
      'amazon.order',
    ],
    [
      'Amazon getOrderItems',
      { payload: { AmazonOrderId: '902-1', OrderItems: [] } },
      'Amazon SP-API',
      'v0',
      'amazon.order.items',
    ],
    [
      'generic order',
      { orderNo: 'SO-00012', lines: [{ sku: 'A', qty: '1' }] },
      'TradeHub',
      '1',
      'generic.order',
    ],
  ])('names %s', (_name, value, standard, version, messageType) => {
    expect(detect(value)).toEqual({
      format: 'json',
      standard,
      version,
      messageType,
      charset: 'utf-8',
    });
  });

  it('names DCSA events wrapped one level down, so the mapping refuses the wrapper', () => {
    const event = { eventType: 'SHIPMENT', eventClassifierCode: 'ACT', eventID: 'e1' };
    expect(detect([{ someEvents: [event] }])).toMatchObject({
      standard: 'DCSA',
      messageType: 'dcsa.tnt.events',
    });
    expect(detect([{ someThings: [{ eventType: 'SHIPMENT' }] }])).toMatchObject({
      standard: 'JSON',
    });
  });

  it('reads a quoted object member as the object holding it (Amazon sandbox example)', () => {
    const input = Buffer.from(
      '  "response": {"payload": {"Orders": [{"AmazonOrderId": "111-1111111-1111111"}]}}\n',
    );
    const detection = jsonCodec.detect(input);
    expect(detection?.messageType).toBe('amazon.orders');
    expect(jsonCodec.decode(input, detection!)[0].tree).toEqual({
      response: { payload: { Orders: [{ AmazonOrderId: '111-1111111-1111111' }] } },
    });
    expect(jsonCodec.detect(Buffer.from('"just a string"'))).toBeNull();
  });

  it('names an SP-API notification delivered as an EventBridge event', () => {
    const event = {
      'detail-type': 'ORDER_CHANGE',
      source: 'aws.partner/sellingpartnerapi.amazon',
      detail: { NotificationType: 'ORDER_CHANGE', PayloadVersion: '1.0', Payload: {} },
    };
    expect(jsonCodec.detect(Buffer.from(JSON.stringify(event)))?.messageType).toBe(
      'amazon.notification.ORDER_CHANGE',
    );
  });

  it('falls back to plain JSON for shapes nobody claims', () => {
    expect(detect({ id: 443002, status: 'Processing' })).toEqual({
      format: 'json',
      standard: 'JSON',
      charset: 'utf-8',
    });
  });

  it('takes pluggable sniffers', () => {
    const sniffer: JsonSniffer = (value) =>
      Array.isArray(value) ? { standard: 'Lists', messageType: 'list' } : null;
    expect(createJsonCodec({ sniffers: [sniffer] }).detect(Buffer.from('[]'))).toMatchObject({
      standard: 'Lists',
    });
  });

  it('decodes one document, numbers as JSON gives them', () => {
    const input = Buffer.from('{"orderNo":"00012","lines":[{"qty":2}]}');
    const [message] = jsonCodec.decode(input, jsonCodec.detect(input)!);
    expect(message).toMatchObject({ index: 0, tree: { orderNo: '00012', lines: [{ qty: 2 }] } });
  });

  it('locates syntax errors by line, column and JSON pointer', () => {
    expect(rejection('{\n  "events": [\n    {"eventID": "e1",}\n  ]\n}').location).toEqual({
      line: 3,
      column: 22,
      offset: 37,
      pointer: '/events/0',
    });
    expect(rejection('{"a/b": {"c~d": [1, 2 3]}}').location).toMatchObject({
      pointer: '/a~1b/c~0d',
    });
    expect(rejection('{"a": "open').message).toMatch(/string is not closed/);
    expect(rejection('{"a": 1} x').message).toMatch(/after the JSON value/);
  });

  it('enforces size and depth limits', () => {
    const deep = '['.repeat(70) + ']'.repeat(70);
    const error = rejection(deep);
    expect(error.code).toBe('JSON_LIMIT');
    expect(error.location).toMatchObject({
      line: 1,
      column: 65,
      pointer:
        '/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0',
    });
    const small = createJsonCodec({ limits: { maxBytes: 10 } });
    expect(rejection('{"orderNo": "SO-1"}', small).code).toBe('JSON_LIMIT');
  });
});
