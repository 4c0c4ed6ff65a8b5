import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import { JsonNode } from '../json-support/json-node';
import { orderDocument } from './order-document';
import { readShopeeOrder } from './shopee-order.reader';

export const SHOPEE_ORDER_DETAIL = 'shopee.order.detail';
export const SHOPEE_ORDER_PUSH = 'shopee.push.3';

/**
 * `v2.order.get_order_detail`: `{response: {order_list: [...]}}` (or one order object) ->
 * one SalesOrder per order. An error answer (`error` not empty) is the partner's refusal.
 */
export const shopeeOrderDetailMapping: InboundMapping = {
  id: 'shopee-order-detail',
  format: 'json',
  messageTypes: [SHOPEE_ORDER_DETAIL],
  toCanonical(message, ctx): MappingResult {
    const root = JsonNode.root(message.tree);
    const error = root.isObject() ? root.optStr('error') : undefined;
    if (error)
      root.fail(
        `Shopee answered ${error}: ${root.optStr('message') ?? ''}`,
        'error',
        'PARTNER_ERROR',
      );
    const response = root.optObject('response');
    const orders = response ? response.at('order_list').items() : [root];
    return { documents: orders.map((o) => orderDocument(readShopeeOrder(o, ctx))), warnings: [] };
  },
};

/**
 * Order status push (code 3): `{shop_id, code, timestamp, data: {ordersn, status, ...}}`, the
 * lost-push form nesting the same under `data.data`. It names the order and its new status but
 * carries no lines or prices, so it is no SalesOrder: the Shopee connector answers it with
 * get_order_detail, whose answer maps. Mapped here to nothing, with a warning that says so.
 */
export const shopeeOrderPushMapping: InboundMapping = {
  id: 'shopee-order-push',
  format: 'json',
  messageTypes: [SHOPEE_ORDER_PUSH],
  toCanonical(message): MappingResult {
    const push = readOrderPush(message.tree);
    return {
      documents: [],
      warnings: [
        `Shopee order ${push.orderSn} is now ${push.status} (shop ${push.shopId}): a status push carries no lines; the connector fetches get_order_detail`,
      ],
    };
  },
};

export interface ShopeeOrderPush {
  shopId: string;
  orderSn: string;
  status: string;
  updateTime?: number;
}

/** The order number and status of a code 3 push (direct or lost-push form). */
export function readOrderPush(tree: unknown): ShopeeOrderPush {
  const root = JsonNode.root(tree);
  if (root.count('code') !== 3) root.fail('is not an order status push (code 3)', 'code');
  const outer = root.object('data');
  const data = outer.optObject('data') ?? outer;
  return {
    shopId: String(root.at('shop_id').value),
    orderSn: data.str('ordersn'),
    status: data.str('status'),
    updateTime: data.optCount('update_time'),
  };
}
