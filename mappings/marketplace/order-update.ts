import Decimal from 'decimal.js';
import type { SalesOrder } from '../../core/model/documents/commerce.schema';

const isZero = (amount: string) => new Decimal(amount).isZero();

/**
 * Whether an order event states the order's amounts. A status notification (Amazon
 * ORDER_CHANGE) states the order with zero prices because it has none: it carries no amounts.
 */
export function carriesAmounts(order: SalesOrder): boolean {
  return !(
    isZero(order.totalAmount.amount) &&
    isZero(order.goodsValue.amount) &&
    order.lines.every((l) => isZero(l.amount.amount))
  );
}

/**
 * The order after an event: an event with amounts states the whole order and replaces it; one
 * without (a status notification) changes only what it actually carries, status, raw status,
 * a ship-by date and a fulfilment channel not known yet, and keeps the known lines and totals,
 * parties and customs mode.
 */
export function mergeOrderUpdate(stored: SalesOrder | undefined, next: SalesOrder): SalesOrder {
  if (!stored || carriesAmounts(next) || !carriesAmounts(stored)) return next;
  return {
    ...stored,
    status: next.status,
    rawStatus: next.rawStatus ?? stored.rawStatus,
    latestShipDate: next.latestShipDate ?? stored.latestShipDate,
    channel: {
      ...stored.channel,
      fulfillment: stored.channel.fulfillment ?? next.channel.fulfillment,
    },
  };
}
