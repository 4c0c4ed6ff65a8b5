import type { WarehouseInbound } from '../../core/model/documents/warehouse.schema';
import {
  element,
  findSegments,
  loopsAt,
  reference,
  segmentsAt,
  type X12Loop,
  type X12Node,
  type X12Segment,
} from '../codecs/x12';
import {
  countAt,
  mappingError,
  optional,
  productId,
  required,
  requiredCount,
} from '../x12-warehouse/x12-read.helpers';
import { unitIn } from '../x12-warehouse/x12-units.helpers';
import type { X12WarehouseSettings } from '../x12-warehouse/x12-warehouse-settings.schema';

export type ReceiptLine = WarehouseInbound['lines'][number];

/** W07 loops, whether the 3PL wraps them in LX loops (the 004010 table) or not. */
export function receiptLoops(body: X12Node[]): X12Loop[] {
  return [
    ...loopsAt(body, 'W07'),
    ...loopsAt(body, 'LX').flatMap((lx) => loopsAt(lx.nodes, 'W07')),
  ];
}

interface Exceptions {
  damaged: number;
  short: number;
  over: number;
  expected?: number;
}

// QTY in the W07 loop (element 673): 74 damaged goods, 12 ship notice quantity and 38 original
// quantity (what the ASN announced). W13 item exceptions (element 412): 01 damaged product,
// 02 quantity short, 03 quantity over. The codec's 944 table does not list W13 yet; it is read
// here so a partner's W13 maps as soon as the codec lets it through.
function exceptionsOf(loop: X12Loop): Exceptions {
  const found: Exceptions = { damaged: 0, short: 0, over: 0 };
  for (const qty of segmentsAt(loop.nodes, 'QTY')) {
    const value = countAt(qty, 2, 'quantity') ?? 0;
    const qualifier = element(qty, 1);
    if (qualifier === '74') found.damaged += value;
    if (qualifier === '12' || qualifier === '38') found.expected = value;
  }
  for (const w13 of findSegments(loop.nodes, 'W13')) {
    const value = countAt(w13, 1, 'quantity') ?? 0;
    const condition = required(w13, 3, 'receiving condition');
    if (condition === '01') found.damaged += value;
    if (condition === '02') found.short += value;
    if (condition === '03') found.over += value;
  }
  return found;
}

/**
 * One canonical line per W07: W0701 quantity received (damaged units included), W0702 unit,
 * W0704-07 product ids (the SKU under the partner's qualifier), N9 or REF LT lot (else W0708).
 * Expected = the announced quantity when given, else received + short - over.
 */
export function receiptLine(loop: X12Loop, settings: X12WarehouseSettings): ReceiptLine {
  const w07 = loop.nodes[0] as X12Segment;
  const received = requiredCount(w07, 1, 'quantity received');
  const sku = productId(w07, [4, 6, 10], settings.skuQualifier);
  if (!sku) throw mappingError(w07, `W07 carries no ${settings.skuQualifier} product id (the SKU)`);
  const ex = exceptionsOf(loop);
  if (ex.damaged > received) {
    throw mappingError(w07, `${ex.damaged} damaged of ${received} received for SKU ${sku}`);
  }
  const line: ReceiptLine = {
    sku,
    expectedQty: ex.expected ?? Math.max(0, received + ex.short - ex.over),
    receivedQty: received,
    unit: unitIn(required(w07, 2, 'unit of measure'), w07, settings),
  };
  if (ex.damaged) line.damagedQty = ex.damaged;
  const batchNo = reference(loop.nodes, 'LT') ?? optional(w07, 8);
  if (batchNo) line.batchNo = batchNo;
  return line;
}
