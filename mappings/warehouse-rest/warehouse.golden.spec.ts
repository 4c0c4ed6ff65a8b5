import type {
  FulfillmentOrder,
  WarehouseInbound,
} from '../../core/model/documents/warehouse.schema';
import { tradeErrorOf } from '../json-support/golden.test-support';
import { WAREHOUSE_INVENTORY, warehouseInventoryMapping } from './index';
import {
  contextFor,
  goldenCases,
  mapCase,
  readGolden,
  renderCase,
  runCase,
} from './warehouse.golden.support';

describe('warehouse REST/webhook <-> canonical (golden)', () => {
  it.each(goldenCases)('%s gives the expected result', (name) => {
    expect(JSON.parse(JSON.stringify(runCase(name, readGolden(`${name}.json`))))).toEqual(
      readGolden(`${name}.expected.json`),
    );
  });
});

describe('refusals, located by JSON pointer', () => {
  it.each([
    ['fpx-inbound-unknown-status', '/data/status', 'UNKNOWN_CODE'],
    ['fpx-inbound-wrong-event', '/event_type', 'UNKNOWN_CODE'],
    ['fpx-inbound-bad-container', '/container_no', 'BAD_CONTAINER'],
    ['fpx-inbound-no-skus', '/skus', undefined],
    ['fpx-inventory-error', '/result', 'PARTNER_ERROR'],
    ['fpx-inventory-bad-quality', '/data/data/0/stock_quality', 'UNKNOWN_CODE'],
    ['fpx-outbound-unknown-status', '/data/status', 'UNKNOWN_CODE'],
    ['shipbob-boxes-only', '/0', undefined],
    ['shipbob-unknown-status', '/status', 'UNKNOWN_CODE'],
    ['shipbob-products-no-sku', '/0/variants/0/sku', undefined],
  ])('%s at %s', (name, pointer, code) => {
    const e = tradeErrorOf(() => mapCase(name, readGolden(`reject/${name}.json`)));
    expect([e.kind, e.stage, e.location, e.code]).toEqual(['mapping', 'map', { pointer }, code]);
  });

  const asn = () => readGolden('render-inbound-asn.json') as WarehouseInbound;
  const order = () => readGolden('render-outbound-order.json') as FulfillmentOrder;
  it.each<[string, () => unknown, string]>([
    ['a return as an ASN', () => renderCase('render-inbound', { ...asn(), inboundType: 'RETURN' }), '/inboundType'],
    ['a multimodal ASN', () => renderCase('render-inbound', { ...asn(), transportMode: 'MULTIMODAL' }), '/transportMode'],
    ['an order without street', () => renderCase('render-outbound', { ...order(), shipTo: { name: 'X', address: { city: 'Y', country: 'US' } } }), '/shipTo/address/lines'],
    ['an order without ship-to', () => renderCase('render-outbound', { ...order(), shipTo: undefined }), '/shipTo'],
    ['an order without logistics product', () => renderCase('render-outbound', { ...order(), shippingService: undefined }), '/shippingService'],
  ])('render refuses %s', (_why, run, pointer) => {
    const e = tradeErrorOf(run);
    expect([e.kind, e.stage, e.location]).toEqual(['mapping', 'map', { pointer }]);
  });

  it('treats a message type the dialect lacks as a partner configuration error', () => {
    const detection = { format: 'json' as const, standard: 'JSON', messageType: WAREHOUSE_INVENTORY };
    const message = { detection, index: 0, tree: readGolden('fpx-inventory-two-warehouses.json') };
    const e = tradeErrorOf(() => warehouseInventoryMapping.toCanonical(message, contextFor('shipbob-x')));
    expect([e.kind, e.code]).toEqual(['config', 'UNSUPPORTED_DIALECT']);
    const bad = { ...contextFor('fpx'), settings: { dialect: 'winit' } };
    expect(tradeErrorOf(() => warehouseInventoryMapping.toCanonical(message, bad)).kind).toBe('config');
  });
});
