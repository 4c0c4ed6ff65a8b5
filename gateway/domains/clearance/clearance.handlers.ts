import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEventBatch,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { ClearanceService } from './clearance.service';

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

  @OnEventBatch('logistics.booking.requested')
  async booking(
    envelopes: Array<EventEnvelope<'logistics.booking.requested'>>,
    { tx }: EnvelopeContext,
  ) {
    await this.clearance.onSources(tx, envelopes);
  }
}
