import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import { roundToMinor } from '../../core/model/values/money';
import type { MappingContext } from '../../core/translation/contract';
import type { JsonNode } from '../json-support/json-node';
import { dateTime } from '../json-support/json-values';
import {
  AMAZON_FULFILLMENT,
  AMAZON_MARKETPLACES,
  AMAZON_ORDER_STATUS,
  statusOf,
} from './marketplace-codes';
import { shopSettings } from './shop-settings';

/**
 * ORDER_CHANGE (PayloadVersion 1.0): the order's status, fulfillment type and items (SKU and
 * quantity) but no prices. The order is stated with zero prices in the marketplace currency and
 * a warning; the Amazon connector does not publish it so, it fetches getOrder + getOrderItems.
 */
export function readOrderChange(
  root: JsonNode,
  ctx: MappingContext,
  warnings: string[],
): SalesOrder {
  const n = root.object('Payload').object('OrderChangeNotification');
  const summary = n.object('Summary');
  const orderNo = n.str('AmazonOrderId');
  const marketplaceId = summary.str('MarketplaceId');
  const market =
    AMAZON_MARKETPLACES[marketplaceId] ??
    summary.fail(`unknown marketplace "${marketplaceId}"`, 'MarketplaceId', 'UNKNOWN_CODE');
  const zero = roundToMinor({ amount: '0', currency: market.currency });
  const items = summary.at('OrderItems').items();
  if (items.length === 0) summary.fail('an order needs at least one item', 'OrderItems');
  warnings.push(
    `ORDER_CHANGE of Amazon order ${orderNo} carries no prices: amounts are 0 until getOrderItems`,
  );
  const rawStatus = summary.str('OrderStatus');
  const settings = shopSettings({
    ...ctx,
    settings: { shopId: n.optStr('SellerId'), ...ctx.settings },
  });
  const trigger = n.optObject('OrderChangeTrigger');
  const type = summary.optStr('FulfillmentType');
  const postal = summary.optStr('DestinationPostalCode');
  return {
    orderNo,
    orderDate: dateTime(summary, 'PurchaseDate'),
    status: statusOf(AMAZON_ORDER_STATUS, rawStatus, (m) =>
      summary.fail(m, 'OrderStatus', 'UNKNOWN_CODE'),
    ),
    rawStatus: { code: rawStatus, description: trigger?.optStr('ChangeReason') },
    channel: {
      kind: 'MARKETPLACE',
      platform: 'amazon',
      shopId: settings.shopId,
      marketplaceId,
      fulfillment: type ? AMAZON_FULFILLMENT[type] : undefined,
    },
    seller: settings.seller('amazon'),
    buyer: { name: 'Amazon customer', address: { country: market.country } },
    shipTo: { postalCode: postal, country: market.country },
    paymentTerms: { method: 'PLATFORM' },
    customsMode: settings.customsMode,
    currency: market.currency,
    lines: items.map((item, i) => ({
      lineNo: i + 1,
      sku: item.optStr('SellerSKU'),
      description: item.optStr('SellerSKU') ?? item.str('OrderItemId'),
      quantity: { value: String(item.count('Quantity')), unit: 'H87' },
      unitPrice: zero,
      amount: zero,
    })),
    goodsValue: zero,
    totalAmount: zero,
    latestShipDate: summary.optStr('LatestShipDate')?.slice(0, 10),
    remarks: n.optStr('OrderChangeType'),
  };
}
