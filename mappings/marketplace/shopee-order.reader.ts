import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import { multiplyMoney, roundToMinor, sumMoney } from '../../core/model/values/money';
import type { Money } from '../../core/model/values/money.schema';
import type { MappingContext } from '../../core/translation/contract';
import type { JsonNode } from '../json-support/json-node';
import { decimalOf } from '../json-support/json-values';
import { attributionRemarks } from './attribution';
import { SHOPEE_FULFILLMENT, SHOPEE_ORDER_STATUS, statusOf } from './marketplace-codes';
import { shopSettings, type ShopSettings } from './shop-settings';

type Line = SalesOrder['lines'][number];

/** Shopee times are epoch seconds. */
const epochSeconds = (node: JsonNode, key: string): string | undefined => {
  const v = node.optCount(key);
  return v === undefined ? undefined : new Date(v * 1000).toISOString().replace('.000Z', 'Z');
};

/** A Shopee amount (a JSON number in the order currency) as Money. */
const moneyAt = (node: JsonNode, key: string, currency: string): Money | undefined => {
  const v = node.optNum(key);
  return v === undefined ? undefined : roundToMinor({ amount: decimalOf(v), currency });
};

function readLine(item: JsonNode, i: number, currency: string): Line {
  const qty = item.count('model_quantity_purchased');
  const unitPrice =
    moneyAt(item, 'model_discounted_price', currency) ??
    moneyAt(item, 'model_original_price', currency) ??
    item.fail('is required', 'model_discounted_price');
  const model = item.optStr('model_name');
  const name = item.str('item_name');
  return {
    lineNo: i + 1,
    sku: item.optStr('model_sku') ?? item.optStr('item_sku'),
    description: model ? `${name} (${model})` : name,
    quantity: { value: String(qty), unit: 'H87' },
    unitPrice,
    amount: roundToMinor(multiplyMoney(unitPrice, String(qty))),
  };
}

function recipient(order: JsonNode): SalesOrder['shipTo'] & { name?: string } {
  const r = order.optObject('recipient_address');
  const country = r?.optStr('region') ?? order.str('region');
  return {
    name: r?.optStr('name'),
    lines: r?.optStr('full_address') ? [r.str('full_address')] : undefined,
    city: r?.optStr('city'),
    region: r?.optStr('state'),
    postalCode: r?.optStr('zipcode'),
    country,
  };
}

/** One order of get_order_detail's `response.order_list` -> SalesOrder. */
export function readShopeeOrder(order: JsonNode, ctx: MappingContext): SalesOrder {
  const settings: ShopSettings = shopSettings(ctx);
  const currency = order.str('currency');
  const items = order.at('item_list').items();
  if (items.length === 0) order.fail('an order needs at least one item', 'item_list');
  const lines = items.map((item, i) => readLine(item, i, currency));
  const goodsValue = roundToMinor(
    sumMoney(
      lines.map((l) => l.amount),
      currency,
    ),
  );
  const rawStatus = order.str('order_status');
  const status = statusOf(SHOPEE_ORDER_STATUS, rawStatus, (m) =>
    order.fail(m, 'order_status', 'UNKNOWN_CODE'),
  );
  const { name: recipientName, ...shipTo } = recipient(order);
  const buyerId = order.has('buyer_user_id') ? String(order.at('buyer_user_id').value) : undefined;
  const flag = order.optStr('fulfillment_flag');
  const shipBy = epochSeconds(order, 'ship_by_date');
  const promotions = items.map((item) =>
    item.has('promotion_id') ? String(item.at('promotion_id').value) : '',
  );
  return {
    orderNo: order.str('order_sn'),
    orderDate: epochSeconds(order, 'create_time') ?? order.fail('is required', 'create_time'),
    status,
    rawStatus: { code: rawStatus },
    channel: {
      kind: 'MARKETPLACE',
      platform: 'shopee',
      shopId: settings.shopId,
      marketplaceId: order.optStr('region'),
      fulfillment: flag ? SHOPEE_FULFILLMENT[flag] : undefined,
    },
    seller: settings.seller('shopee'),
    buyer: {
      name: order.optStr('buyer_username') ?? recipientName ?? 'Shopee buyer',
      identifiers: buyerId ? [{ scheme: 'SHOP', value: buyerId, platform: 'shopee' }] : undefined,
      address: { country: shipTo.country },
    },
    shipTo,
    paymentTerms: { method: 'PLATFORM', description: order.optStr('payment_method') },
    customsMode: settings.customsMode,
    currency,
    lines,
    goodsValue,
    totalAmount: moneyAt(order, 'total_amount', currency) ?? goodsValue,
    latestShipDate: shipBy?.slice(0, 10),
    remarks: attributionRemarks({ promotionIds: promotions }),
  };
}
