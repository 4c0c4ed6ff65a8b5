import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import {
  billOfLadingFact,
  confirmationFact,
  shipmentEventFact,
  shippingInstructionFact,
} from './rules/booking-signals';
import type { EnvelopeHandler } from '../../../core/messaging/envelope-consumer';
import type { BookingConfirmation } from '../../../core/model/documents/logistics-booking.schema';
import type {
  BillOfLading,
  ShippingInstruction,
} from '../../../core/model/documents/logistics-document.schema';
import type { ShipmentEvent } from '../../../core/model/documents/logistics-event.schema';
import type {
  FulfillmentEvent,
  WarehouseInbound,
  WarehouseInventory,
} from '../../../core/model/documents/warehouse.schema';
import { DomainHandler } from '../../messaging/domain-handler.decorator';
import { BookingFactsService } from './booking-facts.service';
import { LOGISTICS_CONNECTOR } from './logistics-envelope';
import { PlanService } from './plan.service';
import { ShipmentRepository } from './shipment.repository';
import { StockService } from './stock.service';
import { TimelineService } from './timeline.service';

/** Booking states from carrier confirmations, SI acknowledgements, B/Ls and booking events. */
@Injectable()
@DomainHandler()
export class LogisticsBookingHandler implements EnvelopeHandler {
  readonly name = 'logistics-bookings';
  readonly bindings = [
    'logistics.booking.confirmed',
    'logistics.shipping-instruction.submitted',
    'logistics.bill-of-lading.issued',
    'logistics.shipment.status',
  ];
  private readonly shipments = new ShipmentRepository();

  constructor(private readonly facts: BookingFactsService) {}

  async handle(envelope: Envelope, tx: PoolClient): Promise<void> {
    // What this module published itself (an SI sent through the API) is already applied.
    if (envelope.source.connector === LOGISTICS_CONNECTOR) return;
    switch (envelope.documentType) {
      case 'BookingConfirmation': {
        const bc = envelope.payload as BookingConfirmation;
        const details = {
          bookingNo: bc.bookingNo,
          bookingRequestRef: bc.bookingRequestRef,
          confirmation: bc,
        };
        await this.facts.apply(tx, envelope, confirmationFact(bc), details);
        return;
      }
      case 'ShippingInstruction': {
        const si = envelope.payload as ShippingInstruction;
        await this.facts.apply(tx, envelope, shippingInstructionFact(si, envelope.occurredAt));
        return;
      }
      case 'BillOfLading':
        return this.billOfLading(tx, envelope as Envelope<BillOfLading>);
      case 'ShipmentEvent': {
        const fact = shipmentEventFact(envelope.payload as ShipmentEvent);
        if (fact) await this.facts.apply(tx, envelope, fact);
        return;
      }
    }
  }

  // A B/L also tells the shipment its port of discharge, containers and bookings.
  private async billOfLading(tx: PoolClient, envelope: Envelope<BillOfLading>) {
    const bl = envelope.payload;
    await this.facts.apply(tx, envelope, billOfLadingFact(bl, envelope.occurredAt));
    await this.shipments.lock(tx, bl.blNo, {
      clientId: envelope.clientId,
      pod: bl.portOfDischarge.unLocode,
    });
    await this.shipments.link(
      tx,
      bl.blNo,
      'containerNo',
      bl.containers.map((c) => c.containerNo),
    );
    await this.shipments.link(tx, bl.blNo, 'bookingNo', bl.bookingNos);
  }
}

/** One timeline per B/L and container from every source's milestones. */
@Injectable()
@DomainHandler()
export class ShipmentTimelineHandler implements EnvelopeHandler {
  readonly name = 'logistics-timeline';
  readonly bindings = ['logistics.shipment.status'];

  constructor(private readonly timeline: TimelineService) {}

  async handle(envelope: Envelope, tx: PoolClient): Promise<void> {
    if (envelope.documentType !== 'ShipmentEvent') return;
    await this.timeline.record(tx, envelope, envelope.payload as ShipmentEvent);
  }
}

/** Overseas-warehouse stock, and warehouse inbound milestones for door-to-door plans. */
@Injectable()
@DomainHandler()
export class WarehouseStockHandler implements EnvelopeHandler {
  readonly name = 'logistics-warehouse';
  readonly bindings = [
    'warehouse.inventory.snapshot',
    'warehouse.fulfillment.status',
    'warehouse.inbound.updated',
  ];

  constructor(
    private readonly stock: StockService,
    private readonly plans: PlanService,
  ) {}

  async handle(envelope: Envelope, tx: PoolClient): Promise<void> {
    switch (envelope.documentType) {
      case 'WarehouseInventory':
        return this.stock.applyInventory(tx, envelope, envelope.payload as WarehouseInventory);
      case 'FulfillmentEvent':
        return this.stock.applyFulfillment(tx, envelope, envelope.payload as FulfillmentEvent);
      case 'WarehouseInbound': {
        const inbound = envelope.payload as WarehouseInbound;
        await this.stock.applyInbound(tx, envelope, inbound);
        await this.plans.observeInbound(tx, envelope.refs, {
          identity: `inbound:${inbound.provider}:${inbound.asnNo}:${inbound.status}`,
          code: inbound.status,
          classifier: 'ACT',
          at: inbound.statusAt ?? inbound.arrivedAt ?? envelope.occurredAt,
          reportedAt: envelope.receivedAt,
        });
        return;
      }
    }
  }
}
