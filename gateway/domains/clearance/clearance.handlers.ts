import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { ClearanceService } from './clearance.service';

/** Collects the documents a declaration is built from and drafts it once they are there. */
@EnvelopeHandlers('clearance-sources')
export class ClearanceSourcesHandler {
  constructor(private readonly clearance: ClearanceService) {}

  @OnEvent('commerce.order.created')
  async order(envelope: EventEnvelope<'commerce.order.created'>, { tx }: EnvelopeContext) {
    await this.clearance.onSource(tx, envelope);
  }

  @OnEvent('commerce.invoice.issued')
  async invoice(envelope: EventEnvelope<'commerce.invoice.issued'>, { tx }: EnvelopeContext) {
    await this.clearance.onSource(tx, envelope);
  }

  @OnEvent('commerce.packing-list.issued')
  async packingList(
    envelope: EventEnvelope<'commerce.packing-list.issued'>,
    { tx }: EnvelopeContext,
  ) {
    await this.clearance.onSource(tx, envelope);
  }

  @OnEvent('logistics.booking.requested')
  async booking(envelope: EventEnvelope<'logistics.booking.requested'>, { tx }: EnvelopeContext) {
    await this.clearance.onSource(tx, envelope);
  }
}
