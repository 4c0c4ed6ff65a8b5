import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import type { EnvelopeHandler } from '../../../core/messaging/envelope-consumer';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import { partyId } from '../../../core/model/values/party.schema';
import { DomainHandler } from '../../messaging/domain-handler.decorator';

/**
 * Keeps the order book: every canonical SalesOrder, keyed by seller and order number. A newer
 * event replaces the stored order; an older one arriving late does not.
 */
@Injectable()
@DomainHandler()
export class CommerceOrderHandler implements EnvelopeHandler {
  readonly name = 'commerce';
  readonly bindings = ['commerce.order.*'];

  handle(envelope: Envelope, tx: PoolClient): Promise<void> {
    return this.handleBatch([envelope], tx);
  }

  async handleBatch(envelopes: Envelope[], tx: PoolClient): Promise<void> {
    // One row per order: within a batch the latest event wins, as it would across batches.
    const latest = new Map<string, Record<string, unknown>>();
    for (const envelope of envelopes) {
      if (envelope.documentType !== 'SalesOrder') continue;
      const order = envelope.payload as SalesOrder;
      // Order numbers are unique per seller (a shop, or an exporter's ERP), not globally.
      const sellerKey =
        partyId(order.seller, 'USCC') ?? partyId(order.seller, 'SHOP') ?? order.seller.name;
      const key = `${sellerKey}\u0000${order.orderNo}`;
      const previous = latest.get(key);
      if (previous && Date.parse(String(previous.updated_at)) > Date.parse(envelope.occurredAt))
        continue;
      latest.set(key, {
        order_no: order.orderNo,
        seller_key: sellerKey,
        client_id: envelope.clientId ?? null,
        status: order.status,
        currency: order.currency,
        total_amount: order.totalAmount.amount,
        order_date: order.orderDate,
        sales_order: order,
        envelope_id: envelope.id,
        updated_at: envelope.occurredAt,
      });
    }
    if (latest.size === 0) return;
    await tx.query(
      `INSERT INTO commerce_orders (order_no, seller_key, client_id, status, currency, total_amount, order_date, sales_order, envelope_id, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(order_no text, seller_key text, client_id text, status text,
         currency text, total_amount numeric, order_date timestamptz, sales_order jsonb, envelope_id uuid, updated_at timestamptz)
       ON CONFLICT (seller_key, order_no) DO UPDATE SET status = EXCLUDED.status, currency = EXCLUDED.currency,
         total_amount = EXCLUDED.total_amount, sales_order = EXCLUDED.sales_order, envelope_id = EXCLUDED.envelope_id,
         client_id = COALESCE(EXCLUDED.client_id, commerce_orders.client_id), updated_at = EXCLUDED.updated_at
       WHERE commerce_orders.updated_at <= EXCLUDED.updated_at`,
      [JSON.stringify([...latest.values()])],
    );
  }
}
