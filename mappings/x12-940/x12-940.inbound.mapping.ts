import type { FulfillmentOrder } from '../../core/model/documents/warehouse.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import { element, loopsAt, segmentAt, segmentsAt, type X12Message } from '../codecs/x12';
import type { X12Node, X12Segment } from '../codecs/x12';
import {
  beginningSegment,
  dateTimeAt,
  mappingError,
  optional,
  required,
  stripUndefined,
  unique,
} from '../x12-warehouse/x12-read.helpers';
import { fromX12DateTime } from '../x12-warehouse/x12-time.helpers';
import { orderLines, shipToOf, totalWarning } from './x12-940.inbound-parts';
import { receivedOrderSettings, type X12ReceivedOrderSettings } from './x12-940.inbound-settings';

// W0501 order status: N original, F cancel, R replace (a new version of an order sent before).
const STATUS: Record<string, FulfillmentOrder['status']> = {
  N: 'SUBMITTED',
  R: 'SUBMITTED',
  F: 'CANCELLED',
};
const STATUS_TEXT: Record<string, string> = { N: 'original', R: 'replace', F: 'cancel' };

function g62(body: X12Node[], qualifier: string): X12Segment | undefined {
  return segmentsAt(body, 'G62').find((g) => element(g, 1) === qualifier);
}

/** G62 04 (order date, G6204 time), else the date the sender built the group (GS04/GS05). */
function createdAt(tree: X12Message, zone: string): string {
  const ordered = g62(tree.set.body, '04');
  if (ordered) return dateTimeAt(ordered, 2, 4, zone);
  const { date, time } = tree.group;
  const iso = fromX12DateTime(date, time, zone);
  if (iso === null) throw mappingError(tree.set.st, `GS04/GS05 '${date} ${time}' invalid`);
  return iso;
}

/** G62 10 (requested ship date) as YYYY-MM-DD, checked as a calendar date. */
function requestedShipDate(body: X12Node[], zone: string): string | undefined {
  const seg = g62(body, '10');
  return seg ? dateTimeAt(seg, 2, undefined, zone).slice(0, 10) : undefined;
}

/** N1 WH (the warehouse the depositor addresses) -> [provider, our warehouse code]. */
function warehouseOf(tree: X12Message, s: X12ReceivedOrderSettings): [string, string] {
  const wh = loopsAt(tree.set.body, 'N1')
    .map((l) => l.nodes[0] as X12Segment)
    .find((n1) => element(n1, 1) === 'WH');
  const receiver = tree.interchange.receiver.id.trim();
  const code = (wh && optional(wh, 4)) ?? (wh && optional(wh, 2)) ?? receiver;
  const ours = s.warehouses.find((w) => w.partnerCode === code)?.warehouseCode ?? code;
  return [s.provider ?? (wh && optional(wh, 2)) ?? receiver, ours];
}

/** W0503 purchase order, then N9 PO/CO further order numbers. */
function orderNos(body: X12Node[], w05: X12Segment): string[] | undefined {
  const n9s = segmentsAt(body, 'N9')
    .filter((n) => ['PO', 'CO'].includes(element(n, 1)))
    .map((n) => element(n, 2).trim());
  const all = unique([optional(w05, 3), ...n9s].filter((n): n is string => !!n));
  return all.length ? all : undefined;
}

/** W66 W6610 SCAC, else W6605 routing text: the carrier service as the sender names it. */
function shippingService(body: X12Node[]): string | undefined {
  const w66 = segmentAt(body, 'W66');
  return w66 && (optional(w66, 10) ?? optional(w66, 5));
}

/**
 * X12 940 Warehouse Shipping Order received from a depositor (a client's ERP) ->
 * FulfillmentOrder, for TradeHub to pass on to the warehouse that holds the stock. W0502 is the
 * order number, N1 ST the consignee (an order without one is kept with a warning: no renderer
 * sends it on), LX/W01 the lines in their units, W76 the total checked against them.
 */
export const x12ReceivedShippingOrderMapping: InboundMapping<X12Message> = {
  id: 'x12-940-received-shipping-order',
  format: 'x12',
  messageTypes: ['940'],
  toCanonical(message, ctx): MappingResult {
    const settings = receivedOrderSettings(ctx);
    const { set } = message.tree;
    const body = set.body;
    const w05 = beginningSegment(set, 'W05');
    const code = required(w05, 1, 'order status code');
    const status = STATUS[code];
    if (!status) throw mappingError(w05, `W0501 order status '${code}' is not N, R or F`);
    const warnings: string[] = [];
    const lines = orderLines(body, settings, warnings);
    warnings.push(...totalWarning(body, lines));
    const shipTo = shipToOf(body, settings);
    if (!shipTo) warnings.push(`940 ${set.controlNumber} names no ship-to (N1 ST)`);
    const [provider, warehouseCode] = warehouseOf(message.tree, settings);
    const order: FulfillmentOrder = {
      fulfillmentNo: required(w05, 2, 'depositor order number'),
      warehouseRef: optional(w05, 5),
      provider,
      warehouseCode,
      orderNos: orderNos(body, w05),
      status,
      rawStatus: { code, description: `940 shipping order, ${STATUS_TEXT[code]}` },
      createdAt: createdAt(message.tree, settings.timeZone),
      shipTo,
      shippingService: shippingService(body),
      requestedShipDate: requestedShipDate(body, settings.timeZone),
      lines,
    };
    return {
      documents: [
        {
          documentType: 'FulfillmentOrder',
          eventType: 'warehouse.fulfillment.created',
          payload: stripUndefined(order),
          occurredAt: order.createdAt,
        },
      ],
      warnings,
    };
  },
};
