import type { PoolClient } from 'pg';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { EventEnvelope } from '../../../core/model/events';
import { partyId } from '../../../core/model/values/party.schema';
import { readAttribution } from '../../../mappings/marketplace';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEventBatch,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import Decimal from 'decimal.js';
import { prepared } from '../../../core/storage/prepared';

const UPSERT_ORDERS = prepared(
  `INSERT INTO marketing_orders (seller_key, order_no, client_key, client_id, channel, shop_id, country,
     order_date, order_day, status, currency, goods_value, units, promotion_ids, utm_campaign, updated_at)
   SELECT t.seller_key, t.order_no, t.client_key, t.client_id, t.channel, t.shop_id, t.country, t.order_date,
     (t.order_date AT TIME ZONE 'UTC')::date, t.status, t.currency, t.goods_value, t.units,
     ARRAY(SELECT jsonb_array_elements_text(t.promotion_ids)), t.utm_campaign, t.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS t(seller_key text, order_no text, client_key text, client_id text,
       channel text, shop_id text, country text, order_date timestamptz, status text, currency text,
       goods_value numeric, units numeric, promotion_ids jsonb, utm_campaign text, updated_at timestamptz)
   ON CONFLICT (seller_key, order_no) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
     currency = CASE WHEN EXCLUDED.goods_value = 0 THEN marketing_orders.currency ELSE EXCLUDED.currency END,
     goods_value = CASE WHEN EXCLUDED.goods_value = 0 THEN marketing_orders.goods_value ELSE EXCLUDED.goods_value END,
     units = EXCLUDED.units, promotion_ids = EXCLUDED.promotion_ids, utm_campaign = EXCLUDED.utm_campaign
   WHERE marketing_orders.updated_at <= EXCLUDED.updated_at
   RETURNING seller_key, order_no`,
);

const DELETE_LINES = prepared(
  `DELETE FROM marketing_order_lines
   WHERE (seller_key, order_no) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
);

const INSERT_LINES = prepared(
  `INSERT INTO marketing_order_lines (seller_key, order_no, line_no, sku, quantity, amount)
   SELECT t.seller_key, t.order_no, t.line_no, t.sku, t.quantity, t.amount
     FROM jsonb_to_recordset($1::jsonb) AS t(seller_key text, order_no text, line_no int, sku text,
       quantity numeric, amount numeric)`,
);

/** The seller key the commerce order book uses too: order numbers are unique per seller. */
const sellerKey = (o: SalesOrder) =>
  partyId(o.seller, 'USCC') ?? partyId(o.seller, 'SHOP') ?? o.seller.name;

const channelOf = (o: SalesOrder) => o.channel.platform ?? o.channel.kind.toLowerCase();

interface OrderLineRow {
  line_no: number;
  sku: string;
  quantity: string;
  amount: string;
}

/** One marketing_orders row as the batch statement reads it, with the lines it replaces. */
interface OrderRow {
  seller_key: string;
  order_no: string;
  client_key: string;
  client_id: string | null;
  channel: string;
  shop_id: string;
  country: string;
  order_date: string;
  status: string;
  currency: string;
  goods_value: string;
  units: string;
  promotion_ids: string[];
  utm_campaign: string | null;
  updated_at: string;
  /** Stated without prices (Amazon ORDER_CHANGE): the amounts already known are kept. */
  unpriced: boolean;
  lines: OrderLineRow[];
}

function orderRow(envelope: EventEnvelope<'commerce.order.created'>): OrderRow {
  const o = envelope.payload;
  const attribution = readAttribution(o.remarks);
  return {
    seller_key: sellerKey(o),
    order_no: o.orderNo,
    client_key: envelope.clientId ?? '',
    client_id: envelope.clientId ?? null,
    channel: channelOf(o),
    shop_id: o.channel.shopId ?? partyId(o.seller, 'SHOP') ?? '',
    country: o.shipTo?.country ?? o.buyer.address?.country ?? '',
    order_date: o.orderDate,
    status: o.status,
    currency: o.currency,
    goods_value: o.goodsValue.amount,
    units: o.lines.reduce((sum, l) => sum.plus(l.quantity.value), new Decimal(0)).toFixed(),
    promotion_ids: attribution.promotionIds,
    utm_campaign: attribution.utmCampaign ?? null,
    updated_at: envelope.occurredAt,
    unpriced: new Decimal(o.goodsValue.amount).isZero(),
    lines: o.lines.map((l) => ({
      line_no: l.lineNo,
      sku: l.sku ?? l.description,
      quantity: l.quantity.value,
      amount: l.amount.amount,
    })),
  };
}

/**
 * Folds the batch's events per order as one-by-one handling would: a newer event replaces an
 * older one, except that an unpriced one keeps the amounts and lines of the priced one before it.
 */
function foldOrders(rows: OrderRow[]): OrderRow[] {
  const byOrder = new Map<string, OrderRow>();
  for (const row of rows) {
    const key = `${row.seller_key}\u0000${row.order_no}`;
    const previous = byOrder.get(key);
    if (previous && Date.parse(previous.updated_at) > Date.parse(row.updated_at)) continue;
    const keepAmounts = previous && row.unpriced;
    byOrder.set(
      key,
      keepAmounts
        ? {
            ...row,
            currency: previous.currency,
            goods_value: previous.goods_value,
            lines: previous.lines,
            unpriced: previous.unpriced,
          }
        : row,
    );
  }
  return [...byOrder.values()];
}

/**
 * Counts canonical orders for channel analytics: one row per order (latest event wins) with its
 * lines. An order stated without prices (Amazon ORDER_CHANGE) updates the status and keeps the
 * amounts already known. Every order of the platform passes here, so a consumer batch is three
 * statements, not three per order.
 */
@EnvelopeHandlers('marketing')
export class MarketingOrderHandler {
  @OnEventBatch('commerce.order.created')
  async ordersCreated(
    envelopes: Array<EventEnvelope<'commerce.order.created'>>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    const orders = foldOrders(envelopes.map(orderRow));
    const { rows: changed } = await tx.query<{ seller_key: string; order_no: string }>({
      ...UPSERT_ORDERS,
      values: [JSON.stringify(orders.map(({ lines: _lines, ...row }) => row))],
    });
    const stored = new Set(changed.map((r) => `${r.seller_key}\u0000${r.order_no}`));
    const priced = orders.filter(
      (o) => !o.unpriced && stored.has(`${o.seller_key}\u0000${o.order_no}`),
    );
    if (priced.length > 0) await replaceLines(tx, priced);
  }
}

async function replaceLines(tx: PoolClient, orders: OrderRow[]): Promise<void> {
  await tx.query({
    ...DELETE_LINES,
    values: [orders.map((o) => o.seller_key), orders.map((o) => o.order_no)],
  });
  const lines = orders.flatMap((o) =>
    o.lines.map((l) => ({ seller_key: o.seller_key, order_no: o.order_no, ...l })),
  );
  await tx.query({ ...INSERT_LINES, values: [JSON.stringify(lines)] });
}
