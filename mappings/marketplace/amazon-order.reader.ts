import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import { addMoney, roundToMinor, subtractMoney, sumMoney } from '../../core/model/values/money';
import type { Money } from '../../core/model/values/money.schema';
import type { MappingContext } from '../../core/translation/contract';
import type { JsonNode } from '../json-support/json-node';
import { dateTime } from '../json-support/json-values';
import Decimal from 'decimal.js';
import { attributionRemarks } from './attribution';
import {
  AMAZON_FULFILLMENT,
  AMAZON_MARKETPLACES,
  AMAZON_ORDER_STATUS,
  statusOf,
} from './marketplace-codes';
import { shopSettings } from './shop-settings';

type Line = SalesOrder['lines'][number];

/** The parts of one Amazon order the Orders v0 API answers separately. */
export interface AmazonOrderParts {
  amazonOrderId: string;
  /** getOrder payload / one of getOrders' Orders (absent when only the items are known). */
  order?: JsonNode;
  /** getOrderItems payload.OrderItems. */
  items?: JsonNode[];
  /** getOrderBuyerInfo payload. */
  buyerInfo?: JsonNode;
  /** getOrderAddress payload.ShippingAddress (or the order's own ShippingAddress). */
  address?: JsonNode;
}

/** SP-API Money: `{CurrencyCode, Amount}` with the amount as a decimal string. */
export function amazonMoney(node: JsonNode | undefined): Money | undefined {
  if (!node) return undefined;
  const amount = node.str('Amount');
  if (!/^-?\d+(\.\d+)?$/.test(amount)) node.fail(`"${amount}" is not a decimal amount`, 'Amount');
  return { amount, currency: node.str('CurrencyCode') };
}

function itemLine(item: JsonNode, i: number, currency: string): Line {
  const qty = item.count('QuantityOrdered');
  // ItemPrice is the price of the whole quantity, not of one unit.
  const amount = amazonMoney(item.optObject('ItemPrice')) ?? { amount: '0', currency };
  const unit = qty > 0 ? new Decimal(amount.amount).div(qty).toFixed() : amount.amount;
  return {
    lineNo: i + 1,
    sku: item.optStr('SellerSKU') ?? item.optStr('ASIN'),
    description: item.optStr('Title') ?? item.optStr('SellerSKU') ?? item.str('ASIN'),
    quantity: { value: String(qty), unit: 'H87' },
    unitPrice: roundToMinor({ amount: unit, currency: amount.currency }),
    amount,
  };
}

/** getOrder alone has no lines: one line for the whole order, so its total is kept. */
function summaryLine(order: JsonNode, total: Money): Line {
  const count =
    (order.optCount('NumberOfItemsShipped') ?? 0) + (order.optCount('NumberOfItemsUnshipped') ?? 0);
  return {
    lineNo: 1,
    description: `Amazon order ${order.str('AmazonOrderId')}: ${count} item(s), lines from getOrderItems`,
    quantity: { value: '1', unit: 'H87' },
    unitPrice: total,
    amount: total,
  };
}

const nonZero = (m: Money | undefined): Money | undefined =>
  m && !new Decimal(m.amount).isZero() ? roundToMinor(m) : undefined;

const sumOf = (items: JsonNode[], key: string, currency: string): Money =>
  sumMoney(
    items.map((i) => amazonMoney(i.optObject(key)) ?? { amount: '0', currency }),
    currency,
  );

function address(node: JsonNode | undefined, fallbackCountry: string | undefined) {
  const country = node?.optStr('CountryCode') ?? fallbackCountry;
  if (!country) return undefined;
  const lines = ['AddressLine1', 'AddressLine2', 'AddressLine3']
    .map((k) => node?.optStr(k))
    .filter((l): l is string => !!l);
  return {
    lines: lines.length ? lines : undefined,
    city: node?.optStr('City'),
    region: node?.optStr('StateOrRegion'),
    postalCode: node?.optStr('PostalCode'),
    country,
  };
}

/**
 * An Amazon order from whichever parts are known. Items give the lines (goods, shipping and
 * promotion discounts summed per order); without them the order total is one summary line.
 */
export function readAmazonOrder(
  parts: AmazonOrderParts,
  ctx: MappingContext,
  warnings: string[],
): SalesOrder {
  const { order, items, buyerInfo } = parts;
  const marketplaceId = order?.optStr('MarketplaceId');
  const market = marketplaceId ? AMAZON_MARKETPLACES[marketplaceId] : undefined;
  const total = amazonMoney(order?.optObject('OrderTotal'));
  const firstItemPrice = items?.map((i) => amazonMoney(i.optObject('ItemPrice'))).find(Boolean);
  const currency =
    total?.currency ??
    firstItemPrice?.currency ??
    market?.currency ??
    (order ?? items![0]).fail(
      'no currency: neither OrderTotal, ItemPrice nor a known MarketplaceId',
    );
  let lines: Line[];
  let freight: Money | undefined;
  let discount: Money | undefined;
  if (items?.length) {
    lines = items.map((item, i) => itemLine(item, i, currency));
    freight = sumOf(items, 'ShippingPrice', currency);
    discount = addMoney(
      sumOf(items, 'PromotionDiscount', currency),
      sumOf(items, 'ShippingDiscount', currency),
    );
  } else {
    const zero = { amount: '0', currency };
    if (!total)
      warnings.push(
        `Amazon order ${order!.str('AmazonOrderId')} has no OrderTotal yet (Pending): amounts are 0`,
      );
    lines = [summaryLine(order!, total ?? zero)];
  }
  const goodsValue = roundToMinor(
    sumMoney(
      lines.map((l) => l.amount),
      currency,
    ),
  );
  const computed = roundToMinor(
    freight && discount ? subtractMoney(addMoney(goodsValue, freight), discount) : goodsValue,
  );
  const shipTo = address(parts.address ?? order?.optObject('ShippingAddress'), market?.country);
  const rawStatus = order?.str('OrderStatus');
  const channel = order?.optStr('FulfillmentChannel');
  if (!order)
    warnings.push('order items without their order: date and status are those of receipt');
  const settings = shopSettings(ctx);
  const promotions = (items ?? []).flatMap((i) => i.optItems('PromotionIds').map((p) => p.text()));
  return {
    orderNo: parts.amazonOrderId,
    orderDate: order ? dateTime(order, 'PurchaseDate') : ctx.receivedAt,
    status: rawStatus
      ? statusOf(AMAZON_ORDER_STATUS, rawStatus, (m) =>
          order!.fail(m, 'OrderStatus', 'UNKNOWN_CODE'),
        )
      : 'CONFIRMED',
    rawStatus: rawStatus ? { code: rawStatus } : undefined,
    channel: {
      kind: 'MARKETPLACE',
      platform: 'amazon',
      shopId: settings.shopId,
      marketplaceId,
      fulfillment: channel ? AMAZON_FULFILLMENT[channel] : undefined,
    },
    seller: settings.seller('amazon'),
    buyer: {
      name: buyerInfo?.optStr('BuyerName') ?? parts.address?.optStr('Name') ?? 'Amazon customer',
      contact: buyerInfo?.optStr('BuyerEmail') ? { email: buyerInfo.str('BuyerEmail') } : undefined,
      address: shipTo ? { country: shipTo.country } : undefined,
    },
    shipTo,
    paymentTerms: { method: 'PLATFORM', description: order?.optStr('PaymentMethod') },
    customsMode: settings.customsMode,
    currency,
    lines,
    goodsValue,
    freight: nonZero(freight),
    discount: nonZero(discount),
    totalAmount: total ?? computed,
    latestShipDate: order?.optStr('LatestShipDate')?.slice(0, 10),
    remarks: attributionRemarks({ promotionIds: promotions }),
  };
}
