import type { SalesOrder } from '../../core/model/documents/commerce.schema';

type OrderStatus = SalesOrder['status'];
type Fulfillment = NonNullable<SalesOrder['channel']['fulfillment']>;

/**
 * Shopee v2 order_status -> canonical (primer §10.1). IN_CANCEL is a cancellation the seller
 * has not answered yet: the order still stands. PROCESSED and RETRY_SHIP wait for pick-up.
 */
export const SHOPEE_ORDER_STATUS: Record<string, OrderStatus> = {
  UNPAID: 'PENDING',
  INVOICE_PENDING: 'PENDING',
  READY_TO_SHIP: 'READY_TO_SHIP',
  PROCESSED: 'READY_TO_SHIP',
  RETRY_SHIP: 'READY_TO_SHIP',
  SHIPPED: 'SHIPPED',
  TO_CONFIRM_RECEIVE: 'DELIVERED',
  COMPLETED: 'COMPLETED',
  IN_CANCEL: 'CONFIRMED',
  CANCELLED: 'CANCELLED',
  TO_RETURN: 'RETURNED',
};

/** Shopee fulfillment_flag: Shopee's own warehouse, or the (cross-border or local) seller. */
export const SHOPEE_FULFILLMENT: Record<string, Fulfillment> = {
  fulfilled_by_shopee: 'MARKETPLACE',
  fulfilled_by_cb_seller: 'SELLER',
  fulfilled_by_local_seller: 'SELLER',
};

/** SP-API Orders v0 OrderStatus -> canonical; Unfulfillable orders will not ship (cancelled). */
export const AMAZON_ORDER_STATUS: Record<string, OrderStatus> = {
  Pending: 'PENDING',
  PendingAvailability: 'PENDING',
  Unshipped: 'CONFIRMED',
  PartiallyShipped: 'PARTIALLY_SHIPPED',
  Shipped: 'SHIPPED',
  InvoiceUnconfirmed: 'SHIPPED',
  Canceled: 'CANCELLED',
  Unfulfillable: 'CANCELLED',
};

/** FulfillmentChannel / FulfillmentType: AFN is fulfilled by Amazon (FBA), MFN by the seller. */
export const AMAZON_FULFILLMENT: Record<string, Fulfillment> = {
  AFN: 'MARKETPLACE',
  MFN: 'SELLER',
};

/** Amazon marketplace ids: the country they sell to and the currency orders there are in. */
export const AMAZON_MARKETPLACES: Record<string, { country: string; currency: string }> = {
  ATVPDKIKX0DER: { country: 'US', currency: 'USD' },
  A2EUQ1WTGCTBG2: { country: 'CA', currency: 'CAD' },
  A1AM78C64UM0Y8: { country: 'MX', currency: 'MXN' },
  A2Q3Y263D00KWC: { country: 'BR', currency: 'BRL' },
  A1F83G8C2ARO7P: { country: 'GB', currency: 'GBP' },
  A1PA6795UKMFR9: { country: 'DE', currency: 'EUR' },
  A13V1IB3VIYZZH: { country: 'FR', currency: 'EUR' },
  APJ6JRA9NG5V4: { country: 'IT', currency: 'EUR' },
  A1RKKUPIHCS9HS: { country: 'ES', currency: 'EUR' },
  A1805IZSGTT6HS: { country: 'NL', currency: 'EUR' },
  A2NODRKZP88ZB9: { country: 'SE', currency: 'SEK' },
  A1C3SOZRARQ6R3: { country: 'PL', currency: 'PLN' },
  A33AVAJ2PDY3EV: { country: 'TR', currency: 'TRY' },
  A2VIGQ35RCS4UG: { country: 'AE', currency: 'AED' },
  A17E79C6D8DWNP: { country: 'SA', currency: 'SAR' },
  A21TJRUUN4KGV: { country: 'IN', currency: 'INR' },
  A1VC38T7YXB528: { country: 'JP', currency: 'JPY' },
  A39IBJ37TRP1C6: { country: 'AU', currency: 'AUD' },
  A19VAU5U5O7RUS: { country: 'SG', currency: 'SGD' },
};

/** SP-API FBA outbound ShipmentStatus -> canonical outbound status. */
export const FBA_SHIPMENT_STATUS: Record<
  string,
  'SUBMITTED' | 'SHIPPED' | 'CANCELLED' | 'EXCEPTION'
> = {
  Created: 'SUBMITTED',
  Shipped: 'SHIPPED',
  Cancelled: 'CANCELLED',
  Invalid: 'EXCEPTION',
};

/** The canonical status of a partner code; an unknown code is reported where it was read. */
export function statusOf<T extends string>(
  table: Record<string, T>,
  code: string,
  fail: (message: string) => never,
): T {
  return Object.hasOwn(table, code)
    ? table[code]
    : fail(`unknown status "${code}" (known: ${Object.keys(table).join(' ')})`);
}
