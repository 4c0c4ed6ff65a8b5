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

  async handle(envelope: Envelope, tx: PoolClient): Promise<void> {
    if (envelope.documentType !== 'SalesOrder') return;
    const order = envelope.payload as SalesOrder;
    // Order numbers are unique per seller (a shop, or an exporter's ERP), not globally.
    const sellerKey =
      partyId(order.seller, 'USCC') ?? partyId(order.seller, 'SHOP') ?? order.seller.name;
    await tx.query(
      `INSERT INTO commerce_orders (order_no, seller_key, client_id, status, currency, total_amount, order_date, sales_order, envelope_id, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, $10)
       ON CONFLICT (seller_key, order_no) DO UPDATE SET status = $4, currency = $5, total_amount = $6,
         sales_order = $8, envelope_id = $9, client_id = COALESCE($3, commerce_orders.client_id), updated_at = $10
       WHERE commerce_orders.updated_at <= $10`,
      [
        order.orderNo,
        sellerKey,
        envelope.clientId ?? null,
        order.status,
        order.currency,
        order.totalAmount.amount,
        order.orderDate,
        order,
        envelope.id,
        envelope.occurredAt,
      ],
    );
  }
}
