import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type {
  FulfillmentOrder,
  WarehouseInbound,
} from '../../core/model/documents/warehouse.schema';
import type { InboundMapping, MappingContext } from '../../core/translation/contract';
import { goldenFolder } from '../json-support/golden.test-support';
import {
  WAREHOUSE_FULFILLMENT_EVENT,
  WAREHOUSE_INBOUND,
  WAREHOUSE_INVENTORY,
  WAREHOUSE_ITEM_MASTER,
  fulfillmentOrderRender,
  warehouseFulfillmentEventMapping,
  warehouseInboundMapping,
  warehouseInventoryMapping,
  warehouseItemMasterMapping,
  warehouseInboundRender,
} from './index';

/**
 * Test support: one golden case by name. fpx-inbound-*, fpx-return-* and shipbob-* are
 * warehouse.inbound; fpx-inventory-* inventory; fpx-outbound-* fulfillment events;
 * shipbob-products-* the item master; render-*
 * canonical documents rendered to request bodies. shipbob-* cases use the shipbob dialect.
 */
const golden = goldenFolder(join(__dirname, 'golden'));
export const { dir: goldenDir, read: readGolden, cases: goldenCases } = golden;

export const contextFor = (name: string): MappingContext => ({
  partnerId: name.startsWith('shipbob') ? 'shipbob-us' : '4px-overseas',
  receivedAt: '2026-04-12T18:00:00Z',
  settings: name.startsWith('shipbob') ? { dialect: 'shipbob' } : { provider: '4px' },
});

const MAPPINGS: Array<[string, InboundMapping, string]> = [
  ['fpx-inventory', warehouseInventoryMapping, WAREHOUSE_INVENTORY],
  ['fpx-outbound', warehouseFulfillmentEventMapping, WAREHOUSE_FULFILLMENT_EVENT],
  ['shipbob-products', warehouseItemMasterMapping, WAREHOUSE_ITEM_MASTER],
  ['', warehouseInboundMapping, WAREHOUSE_INBOUND],
];

export function mapCase(name: string, tree: unknown) {
  const [, mapping, messageType] = MAPPINGS.find(([prefix]) => name.startsWith(prefix))!;
  const detection = { format: 'json' as const, standard: 'JSON', messageType };
  return mapping.toCanonical({ detection, index: 0, tree }, contextFor(name));
}

export function renderCase(name: string, payload: unknown) {
  const ctx = { ...contextFor(name), controlRef: `CTL-${name}` };
  const out = name.startsWith('render-inbound')
    ? warehouseInboundRender.render(validateDocument<WarehouseInbound>('WarehouseInbound', payload), ctx)
    : fulfillmentOrderRender.render(validateDocument<FulfillmentOrder>('FulfillmentOrder', payload), ctx);
  return { ...out, body: JSON.parse(out.body.toString('utf8')) as unknown };
}

/** The result of a case, as its .expected.json holds it. */
export function runCase(name: string, input: unknown): unknown {
  if (name.startsWith('render-')) return renderCase(name, input);
  const result = mapCase(name, input);
  for (const doc of result.documents) validateDocument(doc.documentType, doc.payload);
  return result;
}
