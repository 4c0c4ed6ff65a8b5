import { isObject, type JsonSniffer } from './json-sniffers';

/** Shopee Open Platform v2: push `{shop_id, code, data}` (code 3 = order status) or order detail. */
export const shopeeSniffer: JsonSniffer = (value) => {
  if (!isObject(value)) return null;
  if ('shop_id' in value && typeof value.code === 'number' && isObject(value.data)) {
    return { standard: 'Shopee', version: 'v2', messageType: `shopee.push.${value.code}` };
  }
  const orders = isObject(value.response) ? value.response.order_list : undefined;
  const order: unknown = Array.isArray(orders) ? (orders as unknown[])[0] : value;
  return isObject(order) && 'order_sn' in order
    ? { standard: 'Shopee', version: 'v2', messageType: 'shopee.order.detail' }
    : null;
};

/**
 * Amazon SP-API: notifications (NotificationType + Payload, bare or as the `detail` of an
 * EventBridge event) and Orders v0 responses (bare or as a sandbox example's `response`).
 */
export const amazonSniffer: JsonSniffer = (input) => {
  if (!isObject(input)) return null;
  const value = unwrap(input);
  if (typeof value.NotificationType === 'string' && 'Payload' in value) {
    const version = typeof value.PayloadVersion === 'string' ? value.PayloadVersion : undefined;
    return {
      standard: 'Amazon SP-API',
      version,
      messageType: `amazon.notification.${value.NotificationType}`,
    };
  }
  const payload = isObject(value.response) ? value.response.payload : value.payload;
  if (!isObject(payload)) return null;
  if (Array.isArray(payload.Orders))
    return { standard: 'Amazon SP-API', version: 'v0', messageType: 'amazon.orders' };
  // An order with its items joined in (as the Amazon connector stores it) is an order.
  if (Array.isArray(payload.OrderItems) && !('PurchaseDate' in payload))
    return { standard: 'Amazon SP-API', version: 'v0', messageType: 'amazon.order.items' };
  if (!('AmazonOrderId' in payload)) return null;
  // getOrder, getOrderAddress and getOrderBuyerInfo all answer with one AmazonOrderId.
  const part =
    'PurchaseDate' in payload ? '' : 'ShippingAddress' in payload ? '.address' : '.buyer-info';
  return { standard: 'Amazon SP-API', version: 'v0', messageType: `amazon.order${part}` };
};

/** EventBridge delivers a notification as the `detail` of an event with a `detail-type`. */
const unwrap = (value: Record<string, unknown>): Record<string, unknown> =>
  typeof value['detail-type'] === 'string' && isObject(value.detail) ? value.detail : value;

/** TradeHub's own generic order: an orderNo and its lines. */
export const genericOrderSniffer: JsonSniffer = (value) =>
  isObject(value) && typeof value.orderNo === 'string' && Array.isArray(value.lines)
    ? { standard: 'TradeHub', version: '1', messageType: 'generic.order' }
    : null;

/** TradeHub's VAT invoice JSON: a VAT invoice number and its items. */
export const vatInvoiceSniffer: JsonSniffer = (value) =>
  isObject(value) && typeof value.vatInvoiceNo === 'string' && Array.isArray(value.items)
    ? { standard: 'TradeHub', version: '1', messageType: 'generic.vat-invoice' }
    : null;
