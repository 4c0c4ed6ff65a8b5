import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
  OnEventBatch,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { ClearanceService } from './clearance.service';
import { OrderReversalService } from './order-reversal.service';
import { ReceiptsService } from './receipts.service';

/** Collects the documents a declaration is built from and drafts it once they are there. */
@EnvelopeHandlers('clearance-sources')
export class ClearanceSourcesHandler {
  constructor(private readonly clearance: ClearanceService) {}

  @OnEventBatch('commerce.order.created')
  async order(envelopes: Array<EventEnvelope<'commerce.order.created'>>, { tx }: EnvelopeContext) {
    await this.clearance.onSources(tx, envelopes);
  }

  @OnEventBatch('commerce.invoice.issued')
  async invoice(
    envelopes: Array<EventEnvelope<'commerce.invoice.issued'>>,
    { tx }: EnvelopeContext,
  ) {
    await this.clearance.onSources(tx, envelopes);
  }

  @OnEventBatch('commerce.packing-list.issued')
  async packingList(
    envelopes: Array<EventEnvelope<'commerce.packing-list.issued'>>,
    { tx }: EnvelopeContext,
  ) {
    await this.clearance.onSources(tx, envelopes);
  }

  /** An importer's order: with its B/L discharging in China, an import declaration. */
  @OnEventBatch('commerce.purchase-order.received')
  async purchaseOrder(
    envelopes: Array<EventEnvelope<'commerce.purchase-order.received'>>,
    { tx }: EnvelopeContext,
  ) {
    await this.clearance.onSources(tx, envelopes);
  }

  @OnEventBatch('logistics.bill-of-lading.issued')
  async billOfLading(
    envelopes: Array<EventEnvelope<'logistics.bill-of-lading.issued'>>,
    { tx }: EnvelopeContext,
  ) {
    await this.clearance.onSources(tx, envelopes);
  }

  @OnEventBatch('logistics.booking.requested')
  async booking(
    envelopes: Array<EventEnvelope<'logistics.booking.requested'>>,
    { tx }: EnvelopeContext,
  ) {
    await this.clearance.onSources(tx, envelopes);
  }
}

/**
 * Undoes an order's customs work when the marketplace cancels or returns it. Its own queue: a
 * cancellation must not wait behind a backlog of new orders, and is applied one at a time.
 */
@EnvelopeHandlers('clearance-reversals')
export class ClearanceReversalsHandler {
  constructor(private readonly reversals: OrderReversalService) {}

  @OnEvent('commerce.order.cancelled')
  async cancelled(e: EventEnvelope<'commerce.order.cancelled'>, { tx }: EnvelopeContext) {
    await this.reversals.onReversal(tx, 'cancelled', e);
  }

  @OnEvent('commerce.order.returned')
  async returned(e: EventEnvelope<'commerce.order.returned'>, { tx }: EnvelopeContext) {
    await this.reversals.onReversal(tx, 'returned', e);
  }
}

/**
 * The Single Window's receipts, stored raw by the customs partner's poller and mapped to
 * DeclarationReceipt by the normalizer: each moves the message, declaration or summary it
 * answers. Its own queue, so receipts never wait behind new orders.
 */
@EnvelopeHandlers('clearance-receipts')
export class ClearanceReceiptsHandler {
  constructor(private readonly receipts: ReceiptsService) {}

  @OnEvent('clearance.declaration.receipt')
  async receipt(e: EventEnvelope<'clearance.declaration.receipt'>, { tx }: EnvelopeContext) {
    await this.receipts.applyIn(tx, e.payload);
  }
}
