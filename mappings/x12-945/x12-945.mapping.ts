import type { FulfillmentEvent } from '../../core/model/documents/warehouse.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import {
  element,
  loopsAt,
  segmentAt,
  segmentsAt,
  type X12Message,
  type X12Node,
  type X12Segment,
} from '../codecs/x12';
import {
  beginningSegment,
  dateTimeAt,
  optional,
  required,
  stripUndefined,
  unique,
} from '../x12-warehouse/x12-read.helpers';
import { warehouseCodeOf } from '../x12-warehouse/x12-warehouse-party.helpers';
import {
  warehouseSettings,
  type X12WarehouseSettings,
} from '../x12-warehouse/x12-warehouse-settings.schema';
import { shippedLines, shortShipped } from './x12-945.lines';
import { ownEntry } from '../../core/collections';

// W0601 reporting codes a 945 uses.
const REPORTING: Record<string, string> = {
  F: 'full detail',
  N: 'no exceptions',
  X: 'exceptions only',
};

/** G62 11 (shipped on this date, with G6204 time) or else W0603, in the partner zone. */
function shippedAt(body: X12Node[], w06: X12Segment, zone: string): string {
  const g62 = segmentsAt(body, 'G62').find((g) => element(g, 1) === '11');
  return g62 ? dateTimeAt(g62, 2, 4, zone) : dateTimeAt(w06, 3, undefined, zone);
}

/**
 * Tracking and PRO numbers: header N9 with the partner's tracking qualifiers (2I tracking, CN
 * PRO, BM bill of lading by default), N9 of the same qualifiers inside LX loops, and MAN CP
 * (carrier-assigned package id) per carton.
 */
function trackingNos(body: X12Node[], settings: X12WarehouseSettings): string[] {
  const byQualifier = (segs: X12Segment[]) =>
    segs
      .filter((s) => settings.trackingQualifiers.includes(element(s, 1)))
      .map((s) => element(s, 2));
  const found = byQualifier(segmentsAt(body, 'N9'));
  for (const lx of loopsAt(body, 'LX')) {
    found.push(...byQualifier(segmentsAt(lx.nodes, 'N9')));
    found.push(
      ...segmentsAt(lx.nodes, 'MAN')
        .filter((m) => element(m, 1) === 'CP')
        .map((m) => element(m, 2)),
    );
  }
  return unique(found.filter((t) => t.trim() !== ''));
}

/** W27 02 SCAC, or 03 routing when the carrier has no SCAC (customer pickup, private fleet). */
function carrierOf(body: X12Node[]): string | undefined {
  const w27 = segmentAt(body, 'W27');
  return w27 && (optional(w27, 2) ?? optional(w27, 3));
}

function totalsWarning(body: X12Node[], shipped: number): string[] {
  const w03 = segmentAt(body, 'W03');
  const total = w03 && optional(w03, 1);
  return total !== undefined && Number(total) !== shipped
    ? [`W0301 reports ${total} units shipped, the W12 lines add up to ${shipped}`]
    : [];
}

/**
 * X12 945 Warehouse Shipping Advice -> FulfillmentEvent. Everything shipped: SHIPPED. Lines
 * shipped short of W1202: still SHIPPED (the canonical outbound statuses have no PARTIAL),
 * with orderedQty on the line, a reason and a warning. Nothing shipped at all: EXCEPTION.
 */
export const x12Warehouse945Mapping: InboundMapping<X12Message> = {
  id: 'x12-945-warehouse-shipping-advice',
  format: 'x12',
  messageTypes: ['945'],
  toCanonical(message, ctx): MappingResult {
    const settings = warehouseSettings(ctx);
    const { set } = message.tree;
    const body = set.body;
    const w06 = beginningSegment(set, 'W06');
    const reporting = required(w06, 1, 'reporting code');
    const lines = shippedLines(body, settings);
    const shipped = lines.reduce((sum, l) => sum + l.quantity, 0);
    const short = shortShipped(lines);
    const warnings = [...totalsWarning(body, shipped)];
    if (short.length) warnings.push(`945 ${set.controlNumber} short-shipped: ${short.join(', ')}`);
    const orderNo = optional(w06, 6);
    const tracking = trackingNos(body, settings);
    const event: FulfillmentEvent = {
      fulfillmentNo: required(w06, 2, 'depositor order number'),
      warehouseRef: optional(w06, 4),
      provider: settings.provider,
      warehouseCode: warehouseCodeOf(body, settings, w06),
      orderNos: orderNo ? [orderNo] : undefined,
      status: shipped === 0 ? 'EXCEPTION' : 'SHIPPED',
      rawStatus: {
        code: reporting,
        description: `945 shipping advice${ownEntry(REPORTING, reporting) ? `, ${REPORTING[reporting]}` : ''}`,
      },
      occurredAt: shippedAt(body, w06, settings.timeZone),
      carrier: carrierOf(body),
      trackingNos: tracking.length ? tracking : undefined,
      shippedLines: lines,
      reason:
        shipped === 0
          ? 'nothing shipped'
          : short.length
            ? `short-shipped: ${short.join(', ')}`
            : undefined,
    };
    return {
      documents: [
        {
          documentType: 'FulfillmentEvent',
          eventType: 'warehouse.fulfillment.status',
          payload: stripUndefined(event),
          occurredAt: event.occurredAt,
        },
      ],
      warnings,
    };
  },
};
