import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { FeesRepository } from './fees.repository';
import {
  bookingConfirmed,
  clearedOrder,
  forwardSettled,
  loanDrawn,
  rebateClaimFiled,
} from './rules/billables';
import { meter, type Billable } from './rules/metering';

/** Meters what the platform earns as the events happen; each event once (fees_metered keys). */
@EnvelopeHandlers('fees')
export class FeesHandler {
  constructor(private readonly fees: FeesRepository) {}

  @OnEvent('clearance.declaration.receipt')
  async cleared(e: EventEnvelope<'clearance.declaration.receipt'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, clearedOrder(e), ctx);
  }

  @OnEvent('financing.request.decided')
  async drawn(e: EventEnvelope<'financing.request.decided'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, loanDrawn(e), ctx);
  }

  @OnEvent('settlement.fx-contract.booked')
  async forward(e: EventEnvelope<'settlement.fx-contract.booked'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, forwardSettled(e), ctx);
  }

  @OnEvent('logistics.booking.confirmed')
  async booked(e: EventEnvelope<'logistics.booking.confirmed'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, bookingConfirmed(e), ctx);
  }

  @OnEvent('rebate.claim.filed')
  async rebateFiled(e: EventEnvelope<'rebate.claim.filed'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, rebateClaimFiled(e), ctx);
  }

  private async record(
    envelopeId: string,
    clientId: string | null | undefined,
    b: Billable | undefined,
    { tx }: EnvelopeContext,
  ) {
    // Events no client owns earn nothing.
    if (!b || !clientId) return;
    const fee = meter(b, await this.fees.schedule(tx, clientId));
    if (fee) await this.fees.meter(tx, envelopeId, clientId, fee);
  }
}
