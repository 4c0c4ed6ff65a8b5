import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { MappedDocument } from '../../core/translation/contract';
import type { References } from './segment-readers';

/** Drops undefined and empty-array fields so payloads hold only what the message said. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

type RefFields = Pick<ShipmentEvent, 'bookingNo' | 'transportDocumentRef' | 'references'>;

/**
 * The references of an event. DCSA caps the B/L number at 20 characters and the model the
 * booking number at 35: a longer one is kept under references with a warning, not dropped.
 */
export function eventRefs(refs: References, warnings: string[]): RefFields {
  const others = [...refs.others];
  const fits = (type: string, value: string | undefined, max: number): string | undefined => {
    if (value === undefined || value.length <= max) return value;
    warnings.push(`${type} ${value} is longer than ${max} characters, kept under references`);
    others.push({ type, value });
    return undefined;
  };
  return compact({
    bookingNo: fits('BN', refs.bookingNo, 35),
    transportDocumentRef: fits('BM', refs.blNo, 20),
    references: others,
  });
}

/** A ShipmentEvent as the contract's mapped document (occurredAt = the event's time). */
export function asMappedEvent(event: ShipmentEvent): MappedDocument {
  return {
    documentType: 'ShipmentEvent',
    eventType: 'logistics.shipment.status',
    payload: compact(event),
    occurredAt: event.eventDateTime,
  };
}
