import type { ShipmentEvent } from '../../../../core/model/documents/logistics-event.schema';

/**
 * Timeline merge rules. Every report of a milestone is an entry keyed by
 * `shipmentEventIdentity` (one entry however many sources report it). Entries about the same
 * milestone in the same place, whatever their classifier and time, share a slot; one entry per
 * slot is current:
 * - an actual (ACT) beats any estimate (EST) or plan (PLN), whenever either arrives;
 * - among entries of the same classifier, the one the source reported last wins (a newer EST
 *   replaces an older one, a late older EST changes nothing);
 * - retracted entries never count.
 * The choice depends only on the set of entries, not on the order they arrived in.
 */
export type Classifier = ShipmentEvent['classifier'];

export interface SlotEntry {
  identity: string;
  classifier: Classifier;
  eventDateTime: string;
  /** When the source created the report (eventCreatedDateTime), else when it was received. */
  reportedAt: string;
  retracted: boolean;
}

const CLASSIFIER_RANK: Record<Classifier, number> = { PLN: 1, EST: 2, ACT: 3 };

const subjectOf: Record<ShipmentEvent['eventKind'], (e: ShipmentEvent) => string | undefined> = {
  EQUIPMENT: (e) => e.equipmentReference,
  TRANSPORT: (e) => e.transportDocumentRef ?? e.bookingNo ?? e.equipmentReference,
  SHIPMENT: (e) => e.documentId ?? e.transportDocumentRef ?? e.bookingNo,
};

/** The slot of an event: kind, code, subject and place, as shipmentEventIdentity reads them. */
export function milestoneSlot(e: ShipmentEvent): string {
  return [
    e.eventKind,
    e.eventCode.toUpperCase(),
    (subjectOf[e.eventKind](e) ?? '').trim().toUpperCase(),
    e.location?.unLocode ?? e.transportCall?.location?.unLocode ?? '',
  ].join('|');
}

/** Orders two entries of one slot: positive when `a` should be current rather than `b`. */
export function compareEntries(a: SlotEntry, b: SlotEntry): number {
  const rank = CLASSIFIER_RANK[a.classifier] - CLASSIFIER_RANK[b.classifier];
  if (rank !== 0) return rank;
  const reported = Date.parse(a.reportedAt) - Date.parse(b.reportedAt);
  if (reported !== 0) return reported;
  // Same classifier reported at the same instant: the later event time, then the id, decide.
  const time = Date.parse(a.eventDateTime) - Date.parse(b.eventDateTime);
  return time !== 0 ? time : a.identity.localeCompare(b.identity);
}

/** The identity of the slot's current entry, or undefined when every entry is retracted. */
export function currentOf(entries: readonly SlotEntry[]): string | undefined {
  let best: SlotEntry | undefined;
  for (const entry of entries) {
    if (entry.retracted) continue;
    if (!best || compareEntries(entry, best) > 0) best = entry;
  }
  return best?.identity;
}

/**
 * Provenance key of one report: the same partner reporting the same milestone twice (a resent
 * file, a repeated push) is one source; an IFTSTA and a DCSA push are two.
 */
export function sourceKey(partnerId: string, e: ShipmentEvent): string {
  return e.sourceEventId ? `${partnerId}#${e.sourceEventId}` : partnerId;
}
