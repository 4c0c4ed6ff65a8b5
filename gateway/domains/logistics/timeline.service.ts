import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import { etaMoved, shipmentEta, type Eta } from './rules/eta';
import { ETA_CHANGED, type EtaChange } from './rules/logistics-events.schema';
import { currentOf, milestoneSlot, sourceKey } from './rules/timeline-merge';
import {
  shipmentEventIdentity,
  type ShipmentEvent,
} from '../../../core/model/documents/logistics-event.schema';
import { mergeRefs } from '../../../core/model/trade-refs';
import { publishLogisticsEvent } from './logistics-envelope';
import { PlanService } from './plan.service';
import { ShipmentRepository } from './shipment.repository';
import { TimelineRepository } from './timeline.repository';

/**
 * Merges milestones from every source into one timeline per B/L and container, keeps the ETA
 * at the port of discharge and publishes its moves, and tells door-to-door plans.
 */
@Injectable()
export class TimelineService {
  private readonly timeline = new TimelineRepository();
  private readonly shipments = new ShipmentRepository();

  constructor(private readonly plans: PlanService) {}

  async record(tx: PoolClient, envelope: Envelope, event: ShipmentEvent): Promise<void> {
    const partnerId = envelope.source.partnerId;
    if (event.retractedEventId) return this.retract(tx, envelope, event.retractedEventId);
    // The source retracted this event before it reached us.
    if (await this.timeline.isRetracted(tx, partnerId, event.sourceEventId)) return;
    const identity = shipmentEventIdentity(event);
    const slot = milestoneSlot(event);
    await this.timeline.lockSlot(tx, slot);
    await this.timeline.upsertEntry(tx, {
      identity,
      slot,
      event,
      reportedAt: event.eventCreatedDateTime ?? envelope.receivedAt,
      clientId: envelope.clientId ?? null,
    });
    await this.timeline.addSource(tx, {
      identity,
      sourceKey: sourceKey(partnerId, event),
      partnerId,
      sourceEventId: event.sourceEventId,
      format: envelope.source.format,
      messageType: envelope.source.messageType,
      messageId: envelope.source.messageId,
      envelopeId: envelope.id,
      statusCode: event.sourceStatusCode,
      receivedAt: envelope.receivedAt,
    });
    await this.learnLinks(tx, event);
    await this.refreshSlot(tx, slot);
    await this.plans.observe(tx, envelope.refs, {
      identity,
      code: event.eventCode,
      location: event.location?.unLocode ?? event.transportCall?.location?.unLocode,
      classifier: event.classifier,
      at: event.eventDateTime,
      reportedAt: event.eventCreatedDateTime ?? envelope.receivedAt,
    });
    if (event.eventKind === 'TRANSPORT' && event.eventCode === 'ARRI') {
      for (const blNo of await this.shipments.blsOf(tx, refsOf(event)))
        await this.refreshEta(tx, blNo, envelope);
    }
  }

  private async retract(tx: PoolClient, envelope: Envelope, sourceEventId: string) {
    const affected = await this.timeline.retract(
      tx,
      envelope.source.partnerId,
      sourceEventId,
      envelope.id,
    );
    for (const entry of affected) {
      await this.timeline.lockSlot(tx, entry.slot);
      await this.refreshSlot(tx, entry.slot);
      if (!entry.retracted) continue;
      await this.plans.retract(tx, entry.identity);
      if (entry.eventKind !== 'TRANSPORT' || entry.eventCode !== 'ARRI') continue;
      for (const blNo of await this.shipments.blsOf(tx, entry))
        await this.refreshEta(tx, blNo, envelope);
    }
  }

  private async refreshSlot(tx: PoolClient, slot: string): Promise<void> {
    await this.timeline.setCurrent(tx, slot, currentOf(await this.timeline.slotEntries(tx, slot)));
  }

  private async learnLinks(tx: PoolClient, e: ShipmentEvent): Promise<void> {
    const blNo = e.transportDocumentRef;
    if (!blNo) return;
    await this.shipments.link(
      tx,
      blNo,
      'containerNo',
      e.equipmentReference ? [e.equipmentReference] : [],
    );
    await this.shipments.link(tx, blNo, 'bookingNo', e.bookingNo ? [e.bookingNo] : []);
  }

  /** Recomputes a B/L's ETA; a move publishes logistics.shipment.eta-changed once. */
  private async refreshEta(tx: PoolClient, blNo: string, cause: Envelope): Promise<void> {
    const shipment = await this.shipments.lock(tx, blNo, { clientId: cause.clientId });
    const before = shipment.eta ?? undefined;
    const after = shipmentEta(
      await this.shipments.arrivals(tx, blNo),
      shipment.portOfDischarge ?? undefined,
    );
    if (sameEta(before, after)) return;
    await this.shipments.setEta(tx, blNo, after);
    if (!etaMoved(before, after)) return;
    const links = await this.shipments.linksOf(tx, blNo);
    const payload: EtaChange = {
      blNo,
      ...(links.bookingNo ? { bookingNos: links.bookingNo } : {}),
      ...(links.containerNo ? { containerNos: links.containerNo } : {}),
      ...(shipment.portOfDischarge ? { portOfDischarge: shipment.portOfDischarge } : {}),
      oldEta: before!,
      newEta: after!,
      delayMinutes: Math.round((Date.parse(after!.at) - Date.parse(before!.at)) / 60_000),
    };
    await publishLogisticsEvent(tx, {
      ...ETA_CHANGED,
      payload,
      refs: mergeRefs({ blNo: [blNo], bookingNo: links.bookingNo, containerNo: links.containerNo }),
      partnerId: cause.source.partnerId,
      transport: 'handler',
      clientId: shipment.clientId ?? cause.clientId,
      cause,
      messageId: cause.source.messageId,
    });
  }
}

const refsOf = (e: ShipmentEvent) => ({
  blNo: e.transportDocumentRef,
  bookingNo: e.bookingNo,
  containerNo: e.equipmentReference,
});

function sameEta(a: Eta | undefined, b: Eta | undefined): boolean {
  return a?.identity === b?.identity && a?.at === b?.at;
}
