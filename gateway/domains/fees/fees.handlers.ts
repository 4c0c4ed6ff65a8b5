import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { FeesRepository } from './fees.repository';
import './fees-events';
import { FreightMarginService } from './freight-margin.service';
import { fxMarginEarned } from './rules/fx-margin';
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
  constructor(
    private readonly fees: FeesRepository,
    private readonly freight: FreightMarginService,
  ) {}

  @OnEvent('clearance.declaration.receipt')
  async cleared(e: EventEnvelope<'clearance.declaration.receipt'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, clearedOrder(e), ctx);
  }

  @OnEvent('financing.request.decided')
  async drawn(e: EventEnvelope<'financing.request.decided'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, loanDrawn(e), ctx);
  }

  /** Under a PERCENT rule only (kept from before margins): a percent of the amount delivered. */
  @OnEvent('settlement.fx-contract.booked')
  async forward(e: EventEnvelope<'settlement.fx-contract.booked'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, forwardSettled(e), ctx);
  }

  /** Under a MARGIN rule: (client rate - bank rate) x amount, in the direction of the deal. */
  @OnEvent('settlement.fx.delivered')
  async fxDelivered(e: EventEnvelope<'settlement.fx.delivered'>, ctx: EnvelopeContext) {
    await this.record(e.id, e.clientId, fxMarginEarned(e.payload), ctx);
  }

  /** Bought freight: the carrier's bill (X12 210, ...), matched to the sale by shipment. */
  @OnEvent('logistics.freight-invoice.received')
  async freightBilled(
    e: EventEnvelope<'logistics.freight-invoice.received'>,
    { tx }: EnvelopeContext,
  ) {
    await this.freight.billed(tx, e);
  }

  /** Sold freight: the platform's price to its client for the shipment (operator API). */
  @OnEvent('fees.freight.sold')
  async freightSold(e: EventEnvelope<'fees.freight.sold'>, { tx }: EnvelopeContext) {
    await this.freight.sold(tx, e);
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
