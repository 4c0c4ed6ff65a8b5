import type { FulfillmentOrder } from '../../core/model/documents/warehouse.schema';
import type { OutboundMapping, RenderedMessage } from '../../core/translation/contract';
import { seg, serializeX12, type X12Segment } from '../codecs/x12';
import { controlNumberOf, outboundInterchange } from '../x12-warehouse/x12-outbound.helpers';
import { toX12DateTime } from '../x12-warehouse/x12-time.helpers';
import { unitOut } from '../x12-warehouse/x12-units.helpers';
import {
  warehouseSettings,
  type X12WarehouseSettings,
} from '../x12-warehouse/x12-warehouse-settings.schema';
import { partySegments } from './x12-940.parties';
import { orderError, textFitter, type TextFitter } from './x12-940.text';

// W05 order status: N original. A cancelled order is sent as F (cancel) for the same W0502.
const ORDER_STATUS = { CANCELLED: 'F' } as Partial<Record<FulfillmentOrder['status'], string>>;

// W01 product id qualifier for a GTIN by its length: UP U.P.C. (GTIN-12), EN EAN (GTIN-13),
// UK GTIN-14.
const GTIN_QUALIFIER: Record<number, string> = { 12: 'UP', 13: 'EN', 14: 'UK' };

/** W05, N1 loops, N9 further order numbers, G62 dates, W66 carrier. */
function heading(order: FulfillmentOrder, s: X12WarehouseSettings, fit: TextFitter): X12Segment[] {
  const [firstOrderNo, ...moreOrderNos] = order.orderNos ?? [];
  const out: X12Segment[] = [
    seg(
      'W05',
      ORDER_STATUS[order.status] ?? 'N',
      fit(order.fulfillmentNo, 1, 22, '/fulfillmentNo'),
      firstOrderNo === undefined ? undefined : fit(firstOrderNo, 1, 22, '/orderNos/0'),
    ),
    ...partySegments(order, s, fit),
  ];
  // N9 CO: further customer order numbers (the first travels as W0503 purchase order number).
  moreOrderNos.forEach((no, i) => out.push(seg('N9', 'CO', fit(no, 1, 30, `/orderNos/${i + 1}`))));
  // G62 04 order date, 10 requested ship date (dates in the partner's zone).
  out.push(seg('G62', '04', toX12DateTime(order.createdAt, s.timeZone).date));
  if (order.requestedShipDate)
    out.push(seg('G62', '10', order.requestedShipDate.replace(/-/g, '')));
  if (order.shippingService !== undefined) {
    const service = s.shippingServices[order.shippingService];
    if (!service) {
      throw orderError(
        '/shippingService',
        `'${order.shippingService}' is not in the partner settings`,
      );
    }
    // W66 01 payment, 02 transport method, 05 routing, 10 SCAC.
    const routing = service.routing;
    out.push(
      seg(
        'W66',
        service.paymentMethod,
        service.transportMethod,
        '',
        '',
        routing,
        '',
        '',
        '',
        '',
        service.scac,
      ),
    );
  }
  return out;
}

/** LX/W01 per line (G69 description), then W76 total quantity. */
function detail(order: FulfillmentOrder, s: X12WarehouseSettings, fit: TextFitter): X12Segment[] {
  const out: X12Segment[] = [];
  let total = 0;
  order.lines.forEach((line, i) => {
    const at = `/lines/${i}`;
    const gtin = line.gtin === undefined ? [] : [GTIN_QUALIFIER[line.gtin.length], line.gtin];
    out.push(seg('LX', i + 1));
    out.push(
      seg(
        'W01',
        line.quantity,
        unitOut(line.unit, `${at}/unit`, s),
        '',
        s.skuQualifier,
        fit(line.sku, 1, 48, `${at}/sku`),
        ...gtin,
      ),
    );
    // G6901 holds 45 characters; the description is informational, so it is cut, not refused.
    if (line.description)
      out.push(seg('G69', fit(line.description.slice(0, 45), 1, 45, `${at}/description`)));
    total += line.quantity;
  });
  out.push(seg('W76', total));
  return out;
}

/**
 * FulfillmentOrder -> X12 940 Warehouse Shipping Order, one interchange with one OW group and
 * one set. Deterministic: ISA13/GS06 come from `controlRef`, dates from `ctx.receivedAt`.
 */
export const x12Warehouse940Mapping: OutboundMapping<FulfillmentOrder> = {
  id: 'x12-940-warehouse-shipping-order',
  documentType: 'FulfillmentOrder',
  format: 'x12',
  render(order, ctx): RenderedMessage {
    const settings = warehouseSettings(ctx);
    const fit = textFitter(settings);
    const controlNumber = controlNumberOf(ctx.controlRef);
    const body = [...heading(order, settings, fit), ...detail(order, settings, fit)];
    const interchange = outboundInterchange(settings, {
      functionalId: 'OW',
      controlNumber,
      at: ctx.receivedAt,
      sets: [{ id: '940', controlNumber: 1, body }],
    });
    return {
      body: Buffer.from(serializeX12(interchange), 'utf8'),
      contentType: 'application/edi-x12',
      format: 'x12',
      messageType: '940',
      // GS06: what the partner's 997 quotes back in AK102.
      messageRef: String(controlNumber),
      fileName: `940_${ctx.controlRef}.edi`,
    };
  },
};
