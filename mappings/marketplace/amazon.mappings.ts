import type { FulfillmentEvent } from '../../core/model/documents/warehouse.schema';
import type {
  MappedDocument,
  InboundMapping,
  MappingContext,
  MappingResult,
} from '../../core/translation/contract';
import { JsonNode } from '../json-support/json-node';
import { dateTime } from '../json-support/json-values';
import { readAmazonOrder, type AmazonOrderParts } from './amazon-order.reader';
import { readOrderChange } from './amazon-order-change.reader';
import { orderDocument } from './order-document';
import { FBA_SHIPMENT_STATUS, statusOf } from './marketplace-codes';

export const AMAZON_ORDER = 'amazon.order';
export const AMAZON_ORDERS = 'amazon.orders';
export const AMAZON_ORDER_ITEMS = 'amazon.order.items';
export const AMAZON_ORDER_ADDRESS = 'amazon.order.address';
export const AMAZON_ORDER_BUYER = 'amazon.order.buyer-info';
export const AMAZON_ORDER_CHANGE = 'amazon.notification.ORDER_CHANGE';
export const AMAZON_FBA_OUTBOUND = 'amazon.notification.FBA_OUTBOUND_SHIPMENT_STATUS';
export const AMAZON_OFFER_CHANGE = 'amazon.notification.ANY_OFFER_CHANGED';

/** The `payload` of an Orders v0 answer; SP-API sandbox examples wrap it in `response`. */
export function payloadOf(tree: unknown): JsonNode {
  const root = JsonNode.root(tree);
  return (root.optObject('response') ?? root).object('payload');
}

/** A notification, bare or as the `detail` of the EventBridge event that delivered it. */
export function notificationOf(tree: unknown): JsonNode {
  const root = JsonNode.root(tree);
  return root.has('detail-type') ? root.object('detail') : root;
}

const salesOrder = (parts: AmazonOrderParts, ctx: MappingContext, warnings: string[]) =>
  orderDocument(readAmazonOrder(parts, ctx, warnings));

function mapping(
  id: string,
  messageType: string,
  read: (tree: unknown, ctx: MappingContext, warnings: string[]) => MappedDocument[],
): InboundMapping {
  return {
    id,
    format: 'json',
    messageTypes: [messageType],
    toCanonical(message, ctx): MappingResult {
      const warnings: string[] = [];
      return { documents: read(message.tree, ctx, warnings), warnings };
    },
  };
}

/**
 * getOrder: one order, its total as one line until the items are known. The Amazon connector
 * joins getOrderItems' OrderItems into the payload it stores; those give the lines.
 */
export const amazonOrderMapping = mapping('amazon-order', AMAZON_ORDER, (tree, ctx, w) => {
  const order = payloadOf(tree);
  const items = order.has('OrderItems') ? order.at('OrderItems').items() : undefined;
  return [salesOrder({ amazonOrderId: order.str('AmazonOrderId'), order, items }, ctx, w)];
});

/** getOrders: a page of orders, one SalesOrder each. */
export const amazonOrdersMapping = mapping('amazon-orders', AMAZON_ORDERS, (tree, ctx, w) =>
  payloadOf(tree)
    .at('Orders')
    .items()
    .map((order) => salesOrder({ amazonOrderId: order.str('AmazonOrderId'), order }, ctx, w)),
);

/** getOrderItems alone: the lines of an order whose date and status come separately. */
export const amazonOrderItemsMapping = mapping(
  'amazon-order-items',
  AMAZON_ORDER_ITEMS,
  (tree, ctx, w) => {
    const payload = payloadOf(tree);
    const items = payload.at('OrderItems').items();
    if (items.length === 0) payload.fail('an order needs at least one item', 'OrderItems');
    return [salesOrder({ amazonOrderId: payload.str('AmazonOrderId'), items }, ctx, w)];
  },
);

/**
 * getOrderAddress and getOrderBuyerInfo are parts of an order (restricted data, fetched with an
 * RDT), merged into its SalesOrder by the Amazon connector: alone they make no document.
 */
const orderPart = (id: string, messageType: string, what: string) =>
  mapping(id, messageType, (tree, _ctx, w) => {
    w.push(
      `the ${what} of Amazon order ${payloadOf(tree).str('AmazonOrderId')}: merged into the order by the connector, no document alone`,
    );
    return [];
  });
export const amazonOrderAddressMapping = orderPart(
  'amazon-order-address',
  AMAZON_ORDER_ADDRESS,
  'shipping address',
);
export const amazonOrderBuyerMapping = orderPart(
  'amazon-order-buyer-info',
  AMAZON_ORDER_BUYER,
  'buyer information',
);

/** ORDER_CHANGE: the order as its summary states it (no prices: see the reader). */
export const amazonOrderChangeMapping = mapping(
  'amazon-order-change',
  AMAZON_ORDER_CHANGE,
  (tree, ctx, w) => {
    const order = readOrderChange(notificationOf(tree), ctx, w);
    return [orderDocument(order)];
  },
);

/** FBA_OUTBOUND_SHIPMENT_STATUS: a multi-channel (FBA) shipment of an order -> FulfillmentEvent. */
export const amazonFbaOutboundMapping = mapping(
  'amazon-fba-outbound',
  AMAZON_FBA_OUTBOUND,
  (tree) => {
    const root = notificationOf(tree);
    const n = root.object('Payload').object('FBAOutboundShipmentStatusNotification');
    const rawStatus = n.str('ShipmentStatus');
    const event: FulfillmentEvent = {
      fulfillmentNo: n.str('AmazonShipmentId'),
      provider: 'amazon-fba',
      warehouseCode: 'FBA',
      orderNos: [n.str('AmazonOrderId')],
      status: statusOf(FBA_SHIPMENT_STATUS, rawStatus, (m) =>
        n.fail(m, 'ShipmentStatus', 'UNKNOWN_CODE'),
      ),
      rawStatus: { code: rawStatus },
      occurredAt: dateTime(root, 'EventTime'),
    };
    const doc = { documentType: 'FulfillmentEvent', eventType: 'warehouse.fulfillment.status' };
    return [{ ...doc, payload: event, occurredAt: event.occurredAt }];
  },
);

/**
 * ANY_OFFER_CHANGED tells a seller that the offers on an ASIN changed (lowest prices, buy box):
 * market pricing, not a trade document of any order. Read to check it, mapped to nothing.
 */
export const amazonOfferChangeMapping = mapping(
  'amazon-offer-change',
  AMAZON_OFFER_CHANGE,
  (tree, _ctx, w) => {
    const trigger = notificationOf(tree)
      .object('Payload')
      .object('AnyOfferChangedNotification')
      .object('OfferChangeTrigger');
    w.push(
      `offer change on ASIN ${trigger.str('ASIN')} in ${trigger.str('MarketplaceId')}: a pricing notification, not a trade document`,
    );
    return [];
  },
);

export const amazonMappings: readonly InboundMapping[] = [
  amazonOrderMapping,
  amazonOrdersMapping,
  amazonOrderItemsMapping,
  amazonOrderAddressMapping,
  amazonOrderBuyerMapping,
  amazonOrderChangeMapping,
  amazonFbaOutboundMapping,
  amazonOfferChangeMapping,
];
