import type { Detection } from '../../../core/translation/contract';

/** What a sniffer can tell from the parsed value: standard, version, message type. */
export type JsonShape = Pick<Detection, 'standard' | 'version' | 'messageType'>;

/** Names the shape of a parsed JSON document, or null when it does not recognise it. */
export type JsonSniffer = (value: unknown) => JsonShape | null;

type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** DCSA Track & Trace: 2.2 events carry eventType + eventClassifierCode at the top. */
export const dcsaTntSniffer: JsonSniffer = (value) => {
  const event = first(value);
  if (isObject(event) && 'eventType' in event && 'eventClassifierCode' in event) {
    return { standard: 'DCSA', version: '2.2', messageType: 'dcsa.tnt.events' };
  }
  // 3.0: { events: [...] } with eventClassification, or { metadata, payload } notifications.
  const events: unknown =
    isObject(value) && Array.isArray(value.events) ? (value.events as unknown[])[0] : undefined;
  const v3 =
    (isObject(events) && 'eventClassification' in events) ||
    (isObject(event) && 'metadata' in event && 'payload' in event);
  if (v3) return { standard: 'DCSA', version: '3.0', messageType: 'dcsa.tnt.events' };
  // DCSA events one level down in a wrapper the standard does not define: still DCSA T&T by its
  // content, so the mapping (not detection) refuses the structure, at a JSON pointer.
  return isObject(event) && Object.values(event).some((v) => isDcsaEvent(first(v)))
    ? { standard: 'DCSA', version: '2.2', messageType: 'dcsa.tnt.events' }
    : null;
};

function isDcsaEvent(value: unknown): boolean {
  return isObject(value) && 'eventType' in value && 'eventClassifierCode' in value;
}

/** DCSA Booking 2.0: a request (no booking status yet) or a booking with its status. */
export const dcsaBookingSniffer: JsonSniffer = (value) => {
  if (!isObject(value)) return null;
  if (
    'bookingStatus' in value &&
    ('carrierBookingReference' in value || 'carrierBookingRequestReference' in value)
  ) {
    return { standard: 'DCSA', version: '2.0', messageType: 'dcsa.booking.confirmation' };
  }
  const request =
    'carrierBookingRequestReference' in value ||
    ('receiptTypeAtOrigin' in value &&
      'deliveryTypeAtDestination' in value &&
      'requestedEquipments' in value);
  return request ? { standard: 'DCSA', version: '2.0', messageType: 'dcsa.booking.request' } : null;
};

/** DCSA eBL 3.0 shipping instructions. */
export const dcsaShippingInstructionsSniffer: JsonSniffer = (value) => {
  if (!isObject(value)) return null;
  const si =
    'shippingInstructionsReference' in value ||
    ('transportDocumentTypeCode' in value &&
      'consignmentItems' in value &&
      'documentParties' in value);
  return si && !('transportDocumentReference' in value)
    ? { standard: 'DCSA', version: '3.0', messageType: 'dcsa.ebl.shipping-instructions' }
    : null;
};

/** DCSA Arrival Notice 1.0: `{ arrivalNotices: [...] }` (GET answer or notification). */
export const dcsaArrivalNoticeSniffer: JsonSniffer = (value) =>
  isObject(value) && Array.isArray(value.arrivalNotices)
    ? { standard: 'DCSA', version: '1.0', messageType: 'dcsa.arrival-notices' }
    : null;

/** DCSA Commercial Schedules 1.0 point-to-point routings: a list of solutions with legs. */
export const dcsaPointToPointSniffer: JsonSniffer = (value) => {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : undefined;
  return isObject(first) &&
    'placeOfReceipt' in first &&
    'placeOfDelivery' in first &&
    Array.isArray(first.legs)
    ? { standard: 'DCSA', version: '1.0', messageType: 'dcsa.schedules.point-to-point' }
    : null;
};

/** DCSA VGM 1.0: a list of VGM declarations. */
export const dcsaVgmSniffer: JsonSniffer = (value) =>
  isObject(value) && Array.isArray(value.VGMDeclarations)
    ? { standard: 'DCSA', version: '1.0', messageType: 'dcsa.vgm.declarations' }
    : null;
