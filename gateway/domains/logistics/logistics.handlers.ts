import type { Envelope } from '../../../core/envelope/envelope';
import type { BillOfLading } from '../../../core/model/documents/logistics-document.schema';
import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { BookingFactsService } from './booking-facts.service';
import { LOGISTICS_CONNECTOR } from './logistics-envelope';
import { PlanService } from './plan.service';
import {
  billOfLadingFact,
  confirmationFact,
  shipmentEventFact,
  shippingInstructionFact,
} from './rules/booking-signals';
import { ShipmentRepository } from './shipment.repository';
import { StockService } from './stock.service';
import { TimelineService } from './timeline.service';

// What this module published itself (an SI sent through the API) is already applied.
const ownEvent = (envelope: Envelope) => envelope.source.connector === LOGISTICS_CONNECTOR;

/** Booking states from carrier confirmations, SI acknowledgements, B/Ls and booking events. */
@EnvelopeHandlers('logistics-bookings')
export class LogisticsBookingHandler {
  constructor(
    private readonly facts: BookingFactsService,
    private readonly shipments: ShipmentRepository,
  ) {}

  @OnEvent('logistics.booking.confirmed')
  async bookingConfirmed(
    envelope: EventEnvelope<'logistics.booking.confirmed'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    if (ownEvent(envelope)) return;
    const bc = envelope.payload;
    const details = {
      bookingNo: bc.bookingNo,
      bookingRequestRef: bc.bookingRequestRef,
      confirmation: bc,
    };
    await this.facts.apply(tx, envelope, confirmationFact(bc), details);
  }

  @OnEvent('logistics.shipping-instruction.submitted')
  async shippingInstructionSubmitted(
    envelope: EventEnvelope<'logistics.shipping-instruction.submitted'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    if (ownEvent(envelope)) return;
    const fact = shippingInstructionFact(envelope.payload, envelope.occurredAt);
    await this.facts.apply(tx, envelope, fact);
  }

  // A B/L also tells the shipment its port of discharge, containers and bookings.
  @OnEvent('logistics.bill-of-lading.issued')
  async billOfLadingIssued(
    envelope: EventEnvelope<'logistics.bill-of-lading.issued'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    if (ownEvent(envelope)) return;
    const bl: BillOfLading = envelope.payload;
    await this.facts.apply(tx, envelope, billOfLadingFact(bl, envelope.occurredAt));
    await this.shipments.lock(tx, bl.blNo, {
      clientId: envelope.clientId,
      pod: bl.portOfDischarge.unLocode,
    });
    const containerNos = bl.containers.map((c) => c.containerNo);
    await this.shipments.link(tx, bl.blNo, 'containerNo', containerNos);
    await this.shipments.link(tx, bl.blNo, 'bookingNo', bl.bookingNos);
  }

  @OnEvent('logistics.shipment.status')
  async shipmentStatus(
    envelope: EventEnvelope<'logistics.shipment.status'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    if (ownEvent(envelope)) return;
    const fact = shipmentEventFact(envelope.payload);
    if (fact) await this.facts.apply(tx, envelope, fact);
  }
}

/** One timeline per B/L and container from every source's milestones. */
@EnvelopeHandlers('logistics-timeline')
export class ShipmentTimelineHandler {
  constructor(private readonly timeline: TimelineService) {}

  @OnEvent('logistics.shipment.status')
  async shipmentStatus(
    envelope: EventEnvelope<'logistics.shipment.status'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    await this.timeline.record(tx, envelope, envelope.payload);
  }
}

/** Overseas-warehouse stock, and warehouse inbound milestones for door-to-door plans. */
@EnvelopeHandlers('logistics-warehouse')
export class WarehouseStockHandler {
  constructor(
    private readonly stock: StockService,
    private readonly plans: PlanService,
  ) {}

  @OnEvent('warehouse.inventory.snapshot')
  inventorySnapshot(
    envelope: EventEnvelope<'warehouse.inventory.snapshot'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    return this.stock.applyInventory(tx, envelope, envelope.payload);
  }

  @OnEvent('warehouse.fulfillment.status')
  fulfillmentStatus(
    envelope: EventEnvelope<'warehouse.fulfillment.status'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    return this.stock.applyFulfillment(tx, envelope, envelope.payload);
  }

  @OnEvent('warehouse.inbound.updated')
  async inboundUpdated(
    envelope: EventEnvelope<'warehouse.inbound.updated'>,
    { tx }: EnvelopeContext,
  ): Promise<void> {
    const inbound = envelope.payload;
    await this.stock.applyInbound(tx, envelope, inbound);
    await this.plans.observeInbound(tx, envelope.refs, {
      identity: `inbound:${inbound.provider}:${inbound.asnNo}:${inbound.status}`,
      code: inbound.status,
      classifier: 'ACT',
      at: inbound.statusAt ?? inbound.arrivedAt ?? envelope.occurredAt,
      reportedAt: envelope.receivedAt,
    });
  }
}
