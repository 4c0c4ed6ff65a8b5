import type { FulfillmentEvent } from '../../core/model/documents/warehouse.schema';
import { findSegments, loopsAt, type X12Node, type X12Segment } from '../codecs/x12';
import {
  countAt,
  mappingError,
  productId,
  required,
  requiredCount,
} from '../x12-warehouse/x12-read.helpers';
import { unitIn } from '../x12-warehouse/x12-units.helpers';
import type { X12WarehouseSettings } from '../x12-warehouse/x12-warehouse-settings.schema';

export type ShippedLine = NonNullable<FulfillmentEvent['shippedLines']>[number];

/**
 * Shipped quantities per SKU from every LX/W12 loop. A SKU packed in several cartons appears
 * in several LX loops: W1203 (units shipped) is summed; W1202 (quantity ordered) repeats the
 * order line, so the largest value is taken, never the sum.
 */
export function shippedLines(body: X12Node[], settings: X12WarehouseSettings): ShippedLine[] {
  const bySku = new Map<string, ShippedLine & { first: X12Segment }>();
  for (const lx of loopsAt(body, 'LX')) {
    for (const w12 of findSegments(lx.nodes, 'W12')) {
      const line = readW12(w12, settings);
      const seen = bySku.get(line.sku);
      if (!seen) {
        bySku.set(line.sku, { ...line, first: w12 });
        continue;
      }
      if (seen.unit !== line.unit) {
        throw mappingError(w12, `SKU ${line.sku} is reported in ${line.unit} and ${seen.unit}`);
      }
      seen.quantity += line.quantity;
      const ordered = Math.max(seen.orderedQty ?? 0, line.orderedQty ?? 0);
      seen.orderedQty =
        seen.orderedQty === undefined && line.orderedQty === undefined ? undefined : ordered;
    }
  }
  return [...bySku.values()].map(({ first: _first, ...line }) =>
    line.orderedQty === undefined
      ? { sku: line.sku, quantity: line.quantity, unit: line.unit }
      : line,
  );
}

// W12: 01 status, 02 quantity ordered, 03 units shipped, 04 difference, 05 unit,
// 06 U.P.C. case code, 07/08 product id qualifier and id.
function readW12(w12: X12Segment, settings: X12WarehouseSettings): ShippedLine {
  required(w12, 1, 'shipment/order status');
  const sku = productId(w12, [7], settings.skuQualifier);
  if (!sku) {
    throw mappingError(w12, `W1207/W1208 carry no ${settings.skuQualifier} product id (the SKU)`);
  }
  return {
    sku,
    quantity: requiredCount(w12, 3, 'number of units shipped'),
    orderedQty: countAt(w12, 2, 'quantity ordered'),
    unit: unitIn(required(w12, 5, 'unit of measure'), w12, settings),
  };
}

/** "SKU-1 8 of 10" for each line shipped short of its order quantity. */
export function shortShipped(lines: ShippedLine[]): string[] {
  return lines
    .filter((l) => l.orderedQty !== undefined && l.quantity < l.orderedQty)
    .map((l) => `${l.sku} ${l.quantity} of ${l.orderedQty}`);
}
