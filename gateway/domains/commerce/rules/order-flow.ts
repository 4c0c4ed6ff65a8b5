import { TradeError } from '../../../../core/errors/trade-error';
import type { SalesOrder } from '../../../../core/model/documents/commerce.schema';
import type { FulfillmentOrder } from '../../../../core/model/documents/warehouse.schema';
import type { ShopFlow } from '../../../../mappings/marketplace';

/**
 * The downstream work an order causes, each kind at most once per order (the commerce domain
 * records each in `commerce_order_work` before doing it): the fulfilment order to the overseas
 * warehouse or the direct shipment to book, and the reversal when the order is cancelled or
 * returned.
 */
export type OrderWork = 'fulfilment' | 'shipment-booking' | 'cancelled' | 'returned';

/** Paid and accepted, not shipped: the moment a shipment should start (Shopee READY_TO_SHIP, Amazon Unshipped). */
const SHIPPABLE: ReadonlySet<SalesOrder['status']> = new Set(['CONFIRMED', 'READY_TO_SHIP']);

const REVERSALS = { CANCELLED: 'cancelled', RETURNED: 'returned' } as const;

/** The work this state of the order asks for that is not done yet. */
export function workDue(
  order: SalesOrder,
  flow: ShopFlow,
  done: ReadonlySet<OrderWork>,
): OrderWork[] {
  const reversed = done.has('cancelled') || done.has('returned');
  if (order.status === 'CANCELLED' || order.status === 'RETURNED')
    return reversed ? [] : [REVERSALS[order.status]];
  if (reversed || !SHIPPABLE.has(order.status) || !flow.fulfilment) return [];
  // The marketplace ships it (FBA, fulfilled by Shopee): nothing for TradeHub to start.
  if (order.channel.fulfillment === 'MARKETPLACE') return [];
  // A bonded-zone parcel leaves once customs releases its import list (clearance files it
  // from the order itself): nothing for the commerce domain to start.
  if (flow.fulfilment === 'bonded') return [];
  const work: OrderWork = flow.fulfilment === 'warehouse' ? 'fulfilment' : 'shipment-booking';
  return done.has(work) ? [] : [work];
}

/**
 * The fulfilment order for the shop's overseas warehouse: one per sales order, numbered from
 * it, shipping the order's lines to its recipient. A line without a SKU cannot be picked.
 */
export function fulfilmentOrderOf(
  order: SalesOrder,
  flow: ShopFlow,
  createdAt: string,
): FulfillmentOrder {
  const address = order.shipTo ?? order.buyer.address;
  if (!address) throw unfit(`order ${order.orderNo} has no address to ship to`);
  return {
    fulfillmentNo: `FO-${order.orderNo}`,
    provider: flow.warehouseProvider ?? flow.warehousePartnerId ?? 'warehouse',
    warehouseCode: flow.warehouseCode ?? '',
    orderNos: [order.orderNo],
    status: 'SUBMITTED',
    createdAt,
    shipTo: { name: order.consignee?.name ?? order.buyer.name, address },
    shippingService: flow.shippingService,
    requestedShipDate: order.latestShipDate,
    lines: order.lines.map((line) => {
      if (!line.sku)
        throw unfit(`line ${line.lineNo} of order ${order.orderNo} has no SKU to pick`);
      return {
        sku: line.sku,
        quantity: Number(line.quantity.value),
        description: line.description,
      };
    }),
    declaredValue: order.goodsValue,
  };
}

/**
 * Outbound fulfilment mappings that cancel an order when it is sent again with status
 * CANCELLED (X12 940 W05 "F" for the same order number). The 4PX-style REST warehouse cancels
 * with its own call (`fu.wms.outbound.cancel`, primer §4) that no mapping renders yet, and the
 * composer picks one outbound mapping per document type: there a cancellation is an operator task.
 */
const CANCELS_BY_RESEND: ReadonlySet<string> = new Set(['x12-940-warehouse-shipping-order']);

/** Whether a warehouse's outbound formats (its partner record) cancel a fulfilment order by resending it. */
export function cancelsByResend(
  formats: ReadonlyArray<{ direction?: string; mapping?: string }>,
): boolean {
  return formats.some(
    (f) => f.direction !== 'in' && f.mapping !== undefined && CANCELS_BY_RESEND.has(f.mapping),
  );
}

const unfit = (message: string) => new TradeError('mapping', message, { stage: 'handle' });
