import { isObject, type JsonSniffer } from './json-sniffers';
import { ownEntry } from '../../../core/collections';

// Push event types of the 4PX-style warehouse dialect (mappings/warehouse-rest/warehouse-api.md).
const PUSH_TYPES: Record<string, string> = {
  'inbound.status': 'warehouse.inbound',
  'return.status': 'warehouse.inbound',
  'outbound.status': 'warehouse.fulfillment-event',
};

/**
 * 4PX-style warehouse JSON: a push `{ event_type, event_id, data }`, or an inventory query
 * answer `{ result, data: { data: [{ warehouse_code, sku_code, available_stock }] } }`. One
 * warehouse partner sends several of these over one webhook and poll, so the partner's format
 * list cannot name the type; the shape must.
 */
export const fpxWarehouseSniffer: JsonSniffer = (value) => {
  if (!isObject(value)) return null;
  const push =
    typeof value.event_type === 'string' ? ownEntry(PUSH_TYPES, value.event_type) : undefined;
  if (push && 'data' in value) return { standard: '4PX', version: '1.0', messageType: push };
  const page = isObject(value.data) ? value.data.data : undefined;
  const first: unknown = Array.isArray(page) ? (page as unknown[])[0] : undefined;
  return typeof value.result === 'string' &&
    isObject(first) &&
    'warehouse_code' in first &&
    'sku_code' in first &&
    'available_stock' in first
    ? { standard: '4PX', version: '1.0', messageType: 'warehouse.inventory' }
    : null;
};

/**
 * ShipBob warehouse receiving orders (WRO, GET /receiving/{id} or a list of them): the shape is
 * unmistakable (box packaging, fulfillment center, inventory quantities).
 */
export const shipbobWroSniffer: JsonSniffer = (value) => {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return isObject(first) &&
    'box_packaging_type' in first &&
    'fulfillment_center' in first &&
    'inventory_quantities' in first
    ? { standard: 'ShipBob', version: '2.0', messageType: 'warehouse.inbound' }
    : null;
};

/** ShipBob products (GET /2.0/product): products with variants that carry SKU and inventory. */
export const shipbobProductsSniffer: JsonSniffer = (value) => {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  const variant: unknown =
    isObject(first) && Array.isArray(first.variants) ? (first.variants as unknown[])[0] : undefined;
  return isObject(variant) && 'sku' in variant && 'inventory' in variant && 'customs' in variant
    ? { standard: 'ShipBob', version: '2.0', messageType: 'warehouse.item-master' }
    : null;
};

/** A ShipBob WRO's box list alone (GET /2.0/receiving/{id}/boxes): boxes with box items. */
export const shipbobWroBoxesSniffer: JsonSniffer = (value) => {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : undefined;
  return isObject(first) && 'box_id' in first && Array.isArray(first.box_items)
    ? { standard: 'ShipBob', version: '2.0', messageType: 'warehouse.inbound-boxes' }
    : null;
};
