import type { WarehouseInbound } from '../../core/model/documents/warehouse.schema';
import type { JsonNode } from '../json-support/json-node';
import { optDateTime } from '../json-support/json-values';
import { closedShort } from './fpx-inbound.reader';
import { SHIPBOB_WRO } from './warehouse-codes';

type Line = WarehouseInbound['lines'][number];

/** ShipBob ids are numbers; TradeHub references are strings. */
function idOf(node: JsonNode, key: string): string {
  return String(node.optCount(key) ?? node.str(key));
}

// Stowed units were received first, whatever received_quantity says at that moment.
function received(node: JsonNode): number | undefined {
  const counts = [node.optCount('received_quantity'), node.optCount('stowed_quantity')];
  const known = counts.filter((c): c is number => c !== undefined);
  return known.length ? Math.max(...known) : undefined;
}

/**
 * ShipBob warehouse receiving order (GET /2.0/receiving/{id}, optionally with its boxes
 * attached as `boxes`) -> WarehouseInbound, per SKU or, with boxes, per box and SKU.
 */
export function readShipbobWro(
  wro: JsonNode,
  provider: string,
  warnings: string[],
): WarehouseInbound {
  if (wro.has('box_id')) {
    wro.fail('a WRO box list, not a WRO: the connector attaches it to its WRO as `boxes`');
  }
  const code = wro.code('status', Object.keys(SHIPBOB_WRO));
  const id = idOf(wro, 'id');
  const quantities = wro.at('inventory_quantities').items();
  const skuOf = new Map(quantities.map((q) => [idOf(q, 'inventory_id'), q.str('sku')]));
  const perSku: Line[] = quantities.map((q) => ({
    sku: q.str('sku'),
    expectedQty: q.count('expected_quantity'),
    receivedQty: received(q),
  }));
  if (!perSku.length) wro.fail('lists no SKU', 'inventory_quantities');
  const boxes = wro.optItems('boxes');
  const lines = boxes.length ? boxes.flatMap((box) => boxLines(box, skuOf)) : perSku;
  let status = SHIPBOB_WRO[code];
  if (status === 'PUTAWAY_DONE' && closedShort(perSku)) status = 'PARTIAL';
  const po = wro.optStr('purchase_order_number');
  if (!po) warnings.push(`WRO ${id} has no purchase_order_number; its id stands for the ASN`);
  const tracking = [...new Set(boxes.map((b) => b.optStr('tracking_number')).filter(Boolean))];
  const arrivals = boxes.map((b) => optDateTime(b, 'arrived_date')).filter((d) => d !== undefined);
  return {
    asnNo: po ?? id,
    warehouseRef: id,
    provider,
    warehouseCode: idOf(wro.object('fulfillment_center'), 'id'),
    status,
    rawStatus: { code },
    statusAt: optDateTime(wro, 'last_updated_date'),
    trackingNos: tracking.length ? (tracking as string[]) : undefined,
    expectedArrival: optDateTime(wro, 'expected_arrival_date'),
    arrivedAt: arrivals.sort((a, b) => Date.parse(a) - Date.parse(b))[0],
    lines,
    boxCount: boxes.length || undefined,
  };
}

function boxLines(box: JsonNode, skuOf: Map<string, string>): Line[] {
  const boxNo = idOf(box, 'box_number');
  return box
    .at('box_items')
    .items()
    .map((item) => ({
      sku: skuOf.get(idOf(item, 'inventory_id')) ?? item.fail('is not on this WRO', 'inventory_id'),
      expectedQty: item.count('quantity'),
      receivedQty: received(item),
      boxNo,
      batchNo: item.optStr('lot_number'),
    }));
}
