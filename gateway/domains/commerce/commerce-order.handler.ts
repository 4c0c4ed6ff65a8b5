import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { EventEnvelope } from '../../../core/model/events';
import { partyId } from '../../../core/model/values/party.schema';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEventBatch,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import {
  OrderBookRepository,
  orderKey,
  type OrderKey,
  type OrderRow,
} from './order-book.repository';
import { OrderFlowService } from './order-flow.service';
import { mergeOrderUpdate } from '../../../mappings/marketplace';

type OrderEnvelope = EventEnvelope<'commerce.order.created'>;

/** Order numbers are unique per seller (a shop, or an exporter's ERP), not globally. */
const keyOf = (order: SalesOrder): OrderKey => ({
  sellerKey: partyId(order.seller, 'USCC') ?? partyId(order.seller, 'SHOP') ?? order.seller.name,
  orderNo: order.orderNo,
});

/**
 * Keeps the order book: every canonical SalesOrder, keyed by seller and order number, and runs
 * the downstream work its new state asks for. A newer event updates the stored order (an event
 * without amounts only its status: see mergeOrderUpdate); an older one arriving late does not.
 */
@EnvelopeHandlers('commerce')
export class CommerceOrderHandler {
  constructor(
    private readonly orders: OrderBookRepository,
    private readonly flow: OrderFlowService,
  ) {}

  @OnEventBatch('commerce.order.created')
  async ordersCreated(envelopes: OrderEnvelope[], { tx }: EnvelopeContext): Promise<void> {
    const byOrder = new Map<string, OrderEnvelope[]>();
    for (const envelope of envelopes) {
      const key = orderKey(keyOf(envelope.payload));
      byOrder.set(key, [...(byOrder.get(key) ?? []), envelope]);
    }
    const stored = await this.orders.lock(
      tx,
      envelopes.map((e) => keyOf(e.payload)),
    );
    const rows: Array<OrderRow & { envelope: OrderEnvelope }> = [];
    for (const [key, versions] of byOrder) {
      const row = foldVersions(stored.get(key), versions);
      if (row) rows.push(row);
    }
    await this.orders.upsert(tx, rows);
    for (const row of rows) {
      await this.flow.run(tx, {
        sellerKey: row.sellerKey,
        orderNo: row.order.orderNo,
        order: row.order,
        envelope: row.envelope,
      });
    }
  }
}

/** The stored order after this batch's versions of it, in arrival order; none when all are older. */
function foldVersions(
  stored: { order: SalesOrder; updatedAt: string } | undefined,
  versions: OrderEnvelope[],
): (OrderRow & { envelope: OrderEnvelope }) | undefined {
  let order = stored?.order;
  let at = stored?.updatedAt;
  let last: OrderEnvelope | undefined;
  for (const envelope of versions) {
    if (at && Date.parse(envelope.occurredAt) < Date.parse(at)) continue;
    order = mergeOrderUpdate(order, envelope.payload);
    at = envelope.occurredAt;
    last = envelope;
  }
  if (!last || !order) return undefined;
  return {
    sellerKey: keyOf(last.payload).sellerKey,
    order,
    clientId: last.clientId ?? null,
    envelopeId: last.id,
    updatedAt: last.occurredAt,
    envelope: last,
  };
}
