import type { PoolClient } from 'pg';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { EventEnvelope } from '../../../core/model/events';
import { partyId } from '../../../core/model/values/party.schema';
import { readAttribution } from '../../../mappings/marketplace';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import Decimal from 'decimal.js';

/** The seller key the commerce order book uses too: order numbers are unique per seller. */
const sellerKey = (o: SalesOrder) =>
  partyId(o.seller, 'USCC') ?? partyId(o.seller, 'SHOP') ?? o.seller.name;

const channelOf = (o: SalesOrder) => o.channel.platform ?? o.channel.kind.toLowerCase();

/**
 * Counts canonical orders for channel analytics: one row per order (latest event wins) with its
 * lines. An order stated without prices (Amazon ORDER_CHANGE) updates the status and keeps the
 * amounts already known.
 */
@EnvelopeHandlers('marketing')
export class MarketingOrderHandler {
  @OnEvent('commerce.order.created')
  async orderCreated(
    envelope: EventEnvelope<'commerce.order.created'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    const o = envelope.payload;
    const key = sellerKey(o);
    const unpriced = new Decimal(o.goodsValue.amount).isZero();
    const attribution = readAttribution(o.remarks);
    const units = o.lines.reduce((sum, l) => sum.plus(l.quantity.value), new Decimal(0));
    const { rowCount } = await tx.query(
      `INSERT INTO marketing_orders (seller_key, order_no, client_key, client_id, channel, shop_id, country,
         order_date, order_day, status, currency, goods_value, units, promotion_ids, utm_campaign, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,($8::timestamptz AT TIME ZONE 'UTC')::date,$9,$10,$11,$12,$13,$14,$15)
       ON CONFLICT (seller_key, order_no) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
         currency = CASE WHEN $16 THEN marketing_orders.currency ELSE EXCLUDED.currency END,
         goods_value = CASE WHEN $16 THEN marketing_orders.goods_value ELSE EXCLUDED.goods_value END,
         units = EXCLUDED.units, promotion_ids = EXCLUDED.promotion_ids, utm_campaign = EXCLUDED.utm_campaign
       WHERE marketing_orders.updated_at <= EXCLUDED.updated_at`,
      [
        key,
        o.orderNo,
        envelope.clientId ?? '',
        envelope.clientId ?? null,
        channelOf(o),
        o.channel.shopId ?? partyId(o.seller, 'SHOP') ?? '',
        o.shipTo?.country ?? o.buyer.address?.country ?? '',
        o.orderDate,
        o.status,
        o.currency,
        o.goodsValue.amount,
        units.toFixed(),
        attribution.promotionIds,
        attribution.utmCampaign ?? null,
        envelope.occurredAt,
        unpriced,
      ],
    );
    if (rowCount && !unpriced) await replaceLines(tx, key, o);
  }
}

async function replaceLines(tx: PoolClient, key: string, o: SalesOrder): Promise<void> {
  await tx.query('DELETE FROM marketing_order_lines WHERE seller_key = $1 AND order_no = $2', [
    key,
    o.orderNo,
  ]);
  const lines = o.lines.map((l) => ({
    line_no: l.lineNo,
    sku: l.sku ?? l.description,
    quantity: l.quantity.value,
    amount: l.amount.amount,
  }));
  await tx.query(
    `INSERT INTO marketing_order_lines (seller_key, order_no, line_no, sku, quantity, amount)
     SELECT $1, $2, t.line_no, t.sku, t.quantity, t.amount
       FROM jsonb_to_recordset($3::jsonb) AS t(line_no int, sku text, quantity numeric, amount numeric)`,
    [key, o.orderNo, JSON.stringify(lines)],
  );
}
