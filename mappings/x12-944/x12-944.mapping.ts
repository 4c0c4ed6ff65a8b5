import type { WarehouseInbound } from '../../core/model/documents/warehouse.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import { element, segmentAt, segmentsAt, type X12Message, type X12Node } from '../codecs/x12';
import {
  beginningSegment,
  dateTimeAt,
  mappingError,
  optional,
  required,
  stripUndefined,
  unique,
} from '../x12-warehouse/x12-read.helpers';
import { warehouseCodeOf } from '../x12-warehouse/x12-warehouse-party.helpers';
import { warehouseSettings } from '../x12-warehouse/x12-warehouse-settings.schema';
import { receiptLine, receiptLoops, type ReceiptLine } from './x12-944.lines';

function lineWarnings(lines: ReceiptLine[], body: X12Node[]): string[] {
  const warnings: string[] = [];
  for (const l of lines) {
    const received = l.receivedQty ?? 0;
    if (received < l.expectedQty) warnings.push(`${l.sku} short: ${received} of ${l.expectedQty}`);
    if (received > l.expectedQty) warnings.push(`${l.sku} over: ${received} of ${l.expectedQty}`);
    if (l.damagedQty) warnings.push(`${l.sku} damaged: ${l.damagedQty}`);
  }
  const w14 = segmentAt(body, 'W14');
  const total = w14 && optional(w14, 1);
  const sum = lines.reduce((s, l) => s + (l.receivedQty ?? 0), 0);
  if (total !== undefined && Number(total) !== sum) {
    warnings.push(`W1401 reports ${total} units received, the W07 lines add up to ${sum}`);
  }
  return warnings;
}

/**
 * X12 944 Warehouse Stock Transfer Receipt Advice -> WarehouseInbound. A 944 is sent once the
 * receipt is complete and the stock is available, so the inbound is PUTAWAY_DONE, or PARTIAL
 * when any SKU came in short of what was announced. Over, short and damaged quantities are
 * also listed as warnings for operators.
 */
export const x12Warehouse944Mapping: InboundMapping<X12Message> = {
  id: 'x12-944-warehouse-receipt-advice',
  format: 'x12',
  messageTypes: ['944'],
  toCanonical(message, ctx): MappingResult {
    const settings = warehouseSettings(ctx);
    const { set } = message.tree;
    const body = set.body;
    const w17 = beginningSegment(set, 'W17');
    const loops = receiptLoops(body);
    if (loops.length === 0) throw mappingError(w17, '944 lists no W07 receipt lines');
    const lines = loops.map((loop) => receiptLine(loop, settings));
    const warnings = lineWarnings(lines, body).map((w) => `944 ${set.controlNumber} ${w}`);
    const arrivedAt = dateTimeAt(w17, 2, 7, settings.timeZone);
    const reporting = required(w17, 1, 'reporting code');
    // Header N9 with the partner's tracking qualifiers: B/L, PRO and tracking numbers.
    const tracking = unique(
      segmentsAt(body, 'N9')
        .filter((n9) => settings.trackingQualifiers.includes(element(n9, 1)))
        .map((n9) => element(n9, 2)),
    );
    const inbound: WarehouseInbound = {
      asnNo: required(w17, 4, 'depositor order number'),
      warehouseRef: required(w17, 3, 'warehouse receipt number'),
      provider: settings.provider,
      warehouseCode: warehouseCodeOf(body, settings, w17),
      status: lines.some((l) => (l.receivedQty ?? 0) < l.expectedQty) ? 'PARTIAL' : 'PUTAWAY_DONE',
      rawStatus: { code: reporting, description: '944 warehouse receipt advice' },
      statusAt: arrivedAt,
      trackingNos: tracking.length ? tracking : undefined,
      arrivedAt,
      lines,
    };
    return {
      documents: [
        {
          documentType: 'WarehouseInbound',
          eventType: 'warehouse.inbound.updated',
          payload: stripUndefined(inbound),
          occurredAt: arrivedAt,
        },
      ],
      warnings,
    };
  },
};
