import { lenientDates } from '../carrier-edifact/edifact-datetime';
import type { PurchaseOrder } from '../../core/model/documents/commerce-purchase-order.schema';
import { UNIT_CODES } from '../../core/model/values/unit.schema';
import type { InboundMapping, MappingContext } from '../../core/translation/contract';
import type { EdifactMessage, EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { mappingError } from '../carrier-edifact/mapping-error';
import { compact } from '../carrier-edifact/shipment-event.builder';
import {
  decimal,
  descriptionOf,
  documentNumber,
  firstDtm,
  itemOf,
  partyByRole,
} from '../edifact-invoic/commerce-segments';

type Line = PurchaseOrder['lines'][number];

// UNCL 6063 quantities: 21 ordered; 47 invoiced, 12 despatched as the fall-backs seen.
const ORDERED = ['21', '47', '12'];
// UNCL 2005: 2 delivery requested, 69 promised for, 64 earliest.
const DELIVERY = ['2', '69', '64'];

/**
 * UN/EDIFACT ORDERS (EANCOM alike) -> PurchaseOrder, one per message: BGM 1004 the number,
 * DTM 137 the date (2 the requested delivery), NAD BY/SU/DP, one line per LIN with its QTY 21
 * and PRI when given. Retail orders often carry no prices: the PurchaseOrder keeps them
 * optional. A unit that is no Rec 20 code (EANCOM packaging such as PACK, STK) is kept as sent.
 */
export const ordersMapping: InboundMapping<EdifactMessage> = {
  id: 'edifact-orders',
  format: 'edifact',
  messageTypes: ['ORDERS'],
  toCanonical(decoded, ctx) {
    const warnings: string[] = [];
    const order = read(decoded.tree, ctx, warnings);
    return {
      documents: [
        {
          documentType: 'PurchaseOrder',
          eventType: 'commerce.purchase-order.received',
          payload: order,
          occurredAt: order.orderDate,
        },
      ],
      warnings,
    };
  },
};

function read(m: EdifactMessage, ctx: MappingContext, warnings: string[]): PurchaseOrder {
  const root = m.tree;
  const [bgm, orderNo] = documentNumber(m, 'order');
  const dtm = (qualifiers: string[]) =>
    firstDtm(root, qualifiers, '+00:00', lenientDates(ctx, warnings));
  const buyer = partyByRole(root, ['BY']);
  const seller = partyByRole(root, ['SU', 'SE']);
  if (!buyer || !seller)
    throw mappingError(
      `ORDERS names no ${buyer ? 'supplier (NAD SU)' : 'buyer (NAD BY)'}`,
      bgm,
      'missing-party',
    );
  const lines = root.groups('LIN').map(lineOf);
  if (lines.length === 0) throw mappingError('ORDERS lists no line (LIN)', bgm, 'missing-lines');
  const currency = m.segments.find((s) => s.tag === 'CUX')?.get(0, 1);
  return compact({
    orderNo,
    orderDate: dtm(['137']) ?? ctx.receivedAt,
    buyer,
    seller,
    shipTo: partyByRole(root, ['DP', 'ST']),
    requestedDeliveryAt: dtm(DELIVERY),
    currency,
    lines,
  });
}

function lineOf(g: SegmentGroup, i: number): Line {
  const lin = g.head as EdifactSegment;
  const qtys = g.segments('QTY');
  const qty = ORDERED.map((q) => qtys.find((x) => x.get(0, 0) === q)).find(Boolean) ?? qtys[0];
  const quantity = decimal(qty?.get(0, 1));
  if (!qty || !quantity) throw mappingError('line has no quantity (QTY)', lin, 'missing-quantity');
  const unit = qty.get(0, 2)?.trim().toUpperCase();
  const item = itemOf(lin, g);
  return compact({
    lineNo: Number(lin.get(0)) > 0 ? Number(lin.get(0)) : i + 1,
    itemId: item.id,
    itemIdType: item.type,
    description: descriptionOf(g),
    quantity,
    unit: unit && Object.hasOwn(UNIT_CODES, unit) ? (unit as Line['unit']) : undefined,
    unitSent: unit && !Object.hasOwn(UNIT_CODES, unit) ? unit : undefined,
    unitPrice: decimal(g.groups('PRI')[0]?.head?.get(0, 1)),
  });
}
