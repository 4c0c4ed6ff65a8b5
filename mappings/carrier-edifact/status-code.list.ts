import { z } from 'zod';
import {
  DOCUMENT_TYPE_CODES,
  EventKindSchema,
  SHIPMENT_EVENT_CODES,
} from '../../core/model/documents/logistics-event.schema';

/** What one carrier status code (IFTSTA STS C555) means as a DCSA event. */
export const StatusCodeEntrySchema = z
  .strictObject({
    eventKind: EventKindSchema,
    eventCode: z.string().regex(/^[A-Z]{4}$/, 'DCSA event code has 4 capitals, e.g. LOAD'),
    /** The box's state the code implies; an EQD full/empty indicator (8169) overrides it. */
    emptyIndicator: z.enum(['EMPTY', 'LADEN']).optional(),
    /** SHIPMENT events: the document the status is about (DCSA documentTypeCode). */
    documentTypeCode: z.enum(DOCUMENT_TYPE_CODES).optional(),
    /** Used as sourceStatusDescription when the STS segment carries no description. */
    description: z.string().min(1).optional(),
  })
  .refine((e) => (SHIPMENT_EVENT_CODES[e.eventKind] as readonly string[]).includes(e.eventCode), {
    error: 'eventCode is not a code of its eventKind',
    path: ['eventCode'],
  });
export type StatusCodeEntry = z.infer<typeof StatusCodeEntrySchema>;

const equipment = (eventCode: string, emptyIndicator: 'EMPTY' | 'LADEN', description: string) =>
  ({ eventKind: 'EQUIPMENT', eventCode, emptyIndicator, description }) as const;
const transport = (eventCode: 'ARRI' | 'DEPA', description: string) =>
  ({ eventKind: 'TRANSPORT', eventCode, description }) as const;

/**
 * Default status code list: the X12 shipment status codes (ASC X12 code list 157, as used in
 * the 315 ocean status and the 214 carrier status) that ocean carriers, rail lines and INTTRA
 * send in IFTSTA STS C555 (ITIGG IFTSTA guide usage; INTTRA "IFTSTA status event codes";
 * SMDG/DCSA mapping of 315 codes to T&T event codes). STS codes are carrier-specific: a
 * partner adds or replaces entries with `statusCodes` in its settings, or drops this list with
 * `defaultStatusCodes: false`. A code in neither list is an UNKN event (see unknownStatus).
 */
export const DEFAULT_STATUS_CODES: Readonly<Record<string, StatusCodeEntry>> = {
  // Empty box out to the shipper, full box in at the port of loading (X12 157 EE, I).
  EE: equipment('GTOT', 'EMPTY', 'Empty equipment dispatched to shipper'),
  I: equipment('GTIN', 'LADEN', 'Gate in full at the port of loading'),
  // Vessel: loaded, departed, arrived, unloaded (X12 157 AE, VD, VA, UV).
  AE: equipment('LOAD', 'LADEN', 'Loaded on vessel'),
  VD: transport('DEPA', 'Vessel departure'),
  VA: transport('ARRI', 'Vessel arrival'),
  UV: equipment('DISC', 'LADEN', 'Unloaded from vessel'),
  // Transshipment: loaded on / unloaded from the connecting vessel (INTTRA TS, TL codes).
  TS: equipment('DISC', 'LADEN', 'Unloaded at transshipment port'),
  TL: equipment('LOAD', 'LADEN', 'Loaded at transshipment port'),
  // Rail: loaded, departed origin ramp, arrived destination ramp, unloaded (X12 157 AL, RL, AR, UR).
  AL: equipment('LOAD', 'LADEN', 'Loaded on rail'),
  RL: transport('DEPA', 'Rail departure from origin ramp'),
  AR: transport('ARRI', 'Rail arrival at destination ramp'),
  UR: equipment('DISC', 'LADEN', 'Unloaded from rail'),
  // Terminal moves of any mode (X12 157 P departed, X4/X1/X3 arrived at terminal, delivery, pick-up).
  P: transport('DEPA', 'Departed terminal location'),
  X4: transport('ARRI', 'Arrived at terminal location'),
  X1: transport('ARRI', 'Arrived at delivery location'),
  X3: transport('ARRI', 'Arrived at pick-up location'),
  // Truck: loaded on truck, picked up (X12 157 AM, PU).
  AM: equipment('LOAD', 'LADEN', 'Loaded on truck'),
  PU: equipment('PICK', 'LADEN', 'Container picked up'),
  // Import side: available, out-gate, delivered, empty returned (X12 157 AV, OA, D, RD).
  AV: equipment('AVPU', 'LADEN', 'Available for pick-up'),
  OA: equipment('GTOT', 'LADEN', 'Gate out full from the port of discharge'),
  D: equipment('DROP', 'LADEN', 'Delivered to consignee'),
  RD: equipment('GTIN', 'EMPTY', 'Empty container returned'),
  // Documents: customs release and carrier release (X12 157 CT, CR).
  CT: shipment('RELS', 'CUS', 'Customs release'),
  CR: shipment('RELS', 'CRO', 'Carrier release'),
};

function shipment(
  eventCode: 'RELS',
  documentTypeCode: StatusCodeEntry['documentTypeCode'],
  description: string,
): StatusCodeEntry {
  return { eventKind: 'SHIPMENT', eventCode, documentTypeCode, description };
}

/**
 * What an STS code in no list becomes when the partner keeps unknown codes: an EQUIPMENT event
 * with TradeHub's UNKN code (not a DCSA code) and the carrier's code in sourceStatusCode, so an
 * operator sees it on the timeline and can add the code to the partner's list.
 */
export const UNKNOWN_STATUS: StatusCodeEntry = {
  eventKind: 'EQUIPMENT',
  eventCode: 'UNKN',
  description: 'Carrier status not in the code list',
};
