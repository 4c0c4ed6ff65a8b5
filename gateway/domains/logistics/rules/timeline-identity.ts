import type { ShipmentEvent } from '../../../../core/model/documents/logistics-event.schema';

/**
 * The timeline identity rule (ADR 0012). An event is
 * - what: kind + DCSA code + classifier + document type (SHIPMENT events);
 * - where: UN/LOCODE + facility (a facility only tells two reports apart when both name one:
 *   many sources name none);
 * - which equipment: the container, for EQUIPMENT and SHIPMENT events (a vessel's departure is
 *   not the box's: TRANSPORT events leave it out);
 * - when: within TOLERANCE_MS of each other;
 * attached to every shipment it names: all its B/Ls, bookings and containers. Two reports are
 * one event when what, where and equipment are equal, the times are within the tolerance and
 * the reference sets overlap. B/L and booking numbers are scoped by carrier (SCAC, else the
 * reporting partner): the same number from two carriers is two shipments.
 */
export const TOLERANCE_MS = 5 * 60_000;
/**
 * Reports of one milestone (its plans, estimates and actual) share a slot when they name an
 * overlapping reference set within this window: a container reused months later at the same
 * port for a new booking starts a new slot.
 */
export const SLOT_WINDOW_MS = 45 * 24 * 3600_000;

export interface IdentityInput {
  event: ShipmentEvent;
  /** The partner that reported it: the scope of its B/L and booking numbers without a SCAC. */
  partnerId: string;
}

const norm = (v: string) => v.trim().toUpperCase();

/** Every reference the event names, scoped: BL:<carrier>:<no>, BKG:<carrier>:<no>, EQ:<no>. */
export function scopedRefs({ event: e, partnerId }: IdentityInput): string[] {
  const carrier = norm(e.carrierCode ?? partnerId);
  const refs = new Set<string>();
  const add = (kind: 'BL' | 'BKG', no: string | undefined) => {
    if (no) refs.add(`${kind}:${carrier}:${norm(no)}`);
  };
  add('BL', e.transportDocumentRef);
  add('BKG', e.bookingNo);
  for (const r of e.references ?? []) {
    if (r.type === 'BM') add('BL', r.value);
    if (r.type === 'BN') add('BKG', r.value);
  }
  if (e.documentTypeCode === 'TRD') add('BL', e.documentId);
  if (e.documentTypeCode === 'BKG') add('BKG', e.documentId);
  if (e.equipmentReference) refs.add(`EQ:${norm(e.equipmentReference)}`);
  return [...refs].sort();
}

/** What, where and which equipment, without the classifier: the milestone. */
export function milestoneKey(e: ShipmentEvent): string {
  const place = e.location ?? e.transportCall?.location;
  return [
    e.eventKind,
    norm(e.eventCode),
    e.eventKind === 'SHIPMENT' ? (e.documentTypeCode ?? '') : '',
    place?.unLocode ?? '',
    e.eventKind === 'TRANSPORT' ? '' : norm(e.equipmentReference ?? ''),
  ].join('|');
}

/** The event: the milestone and its classifier. */
export const eventKey = (e: ShipmentEvent): string => `${milestoneKey(e)}|${e.classifier}`;

const overlap = (a: readonly string[], b: readonly string[]) => a.some((r) => b.includes(r));
/** Shipment references only (B/L, booking): a container alone does not make two shipments one. */
const shipmentRefs = (refs: readonly string[]) => refs.filter((r) => !r.startsWith('EQ:'));

/** A report as the rule compares it. */
export interface Report {
  key: string;
  at: number;
  refs: string[];
  /** The terminal or depot, upper-cased; '' when the source names none. */
  facility: string;
}

const facilityOf = (e: ShipmentEvent) =>
  norm((e.location ?? e.transportCall?.location)?.facilityCode ?? '');
const sameFacility = (a: Report, b: Report) =>
  a.facility === '' || b.facility === '' || a.facility === b.facility;

export const reportOf = (input: IdentityInput): Report => ({
  key: eventKey(input.event),
  at: Date.parse(input.event.eventDateTime),
  refs: scopedRefs(input),
  facility: facilityOf(input.event),
});

/** Two reports of one event. */
export function sameEvent(a: Report, b: Report): boolean {
  return (
    a.key === b.key &&
    sameFacility(a, b) &&
    Math.abs(a.at - b.at) <= TOLERANCE_MS &&
    overlap(a.refs, b.refs)
  );
}

/**
 * Two reports of one milestone (any classifier): same milestone key, within the slot window,
 * naming a common B/L or booking, or, when either names none, a common container.
 */
export function sameMilestone(a: Report, b: Report): boolean {
  if (a.key.slice(0, a.key.lastIndexOf('|')) !== b.key.slice(0, b.key.lastIndexOf('|')))
    return false;
  if (!sameFacility(a, b) || Math.abs(a.at - b.at) > SLOT_WINDOW_MS) return false;
  const [sa, sb] = [shipmentRefs(a.refs), shipmentRefs(b.refs)];
  return sa.length && sb.length ? overlap(sa, sb) : overlap(a.refs, b.refs);
}
