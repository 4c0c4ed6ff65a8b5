import { createHash } from 'node:crypto';
import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { ReportedContainerNoSchema } from '../values/container-no';
import { DateTimeSchema } from '../values/datetime.schema';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { LocationSchema } from '../values/location.schema';
import { PartySchema } from '../values/party.schema';
import { ConveyanceSchema, DocumentReferenceSchema } from './common.schema';
import { IsoEquipmentCodeSchema } from './logistics-common.schema';

/**
 * DCSA Track & Trace event codes per event kind: the 2.2 codes, then those T&T 3.0 added
 * (amendment, update and cancellation steps, surrender steps; customs and availability moves),
 * then TradeHub's UNKN (no DCSA code).
 */
export const SHIPMENT_EVENT_CODES = {
  SHIPMENT: [
    'RECE', 'DRFT', 'PENA', 'PENU', 'PENC', 'CONF', 'REJE', 'APPR', 'ISSU', 'SURR', 'SUBM', 'VOID',
    'REQS', 'CMPL', 'HOLD', 'RELS', 'CANC',
    'AMCF', 'AMCN', 'AMDC', 'AMPR', 'AMRE', 'CACF', 'CADC', 'CARE', 'DECL', 'PENM', 'PSAM', 'PSDL',
    'SUAM', 'SUDL', 'UPCF', 'UPCN', 'UPDC', 'UPDT', 'UPRE',
  ],
  TRANSPORT: ['ARRI', 'DEPA'],
  EQUIPMENT: [
    'LOAD', 'DISC', 'GTIN', 'GTOT', 'STUF', 'STRP', 'PICK', 'DROP', 'INSP', 'RSEA', 'RMVD',
    'AVDO', 'AVPU', 'CROS', 'CUSI', 'CUSR', 'CUSS',
    // TradeHub's own: a carrier status its code list does not know, kept for operators.
    'UNKN',
  ],
} as const; // prettier-ignore

/** DCSA documentTypeCode: the 2.2 list, then the T&T 3.0 additions (AMF ... VCE). */
export const DOCUMENT_TYPE_CODES = [
  'CBR', 'BKG', 'SHI', 'SRM', 'TRD', 'ARN', 'VGM', 'CAS', 'CUS', 'DGD', 'OOG',
  'AMF', 'CEA', 'CEO', 'CQU', 'CRO', 'CUC', 'DEI', 'DEO', 'FCE', 'HCE', 'ICE', 'INV', 'PCE', 'PFD',
  'TRO', 'VCE',
] as const; // prettier-ignore

export const EventKindSchema = z.enum(['SHIPMENT', 'TRANSPORT', 'EQUIPMENT']);
/** PLN planned, EST estimated, ACT actual. */
export const EventClassifierSchema = z.enum(['PLN', 'EST', 'ACT']);

/** Where a vessel calls: DCSA transportCall. */
export const TransportCallSchema = z.strictObject({
  location: LocationSchema.optional(),
  conveyance: ConveyanceSchema.optional(),
  /** Carrier's service code (e.g. "AE7"). */
  serviceCode: z.string().optional(),
});

/**
 * SOLAS VI/2 verified gross mass of one packed container, as a VGM declaration (EDIFACT VERMAS,
 * DCSA VGM) states it. Carried on a SHIPMENT event with documentTypeCode VGM.
 */
export const VerifiedGrossMassSchema = z.strictObject({
  grossMassKg: NonNegativeDecimalSchema,
  /** SOLAS method: SM1 the packed container weighed, SM2 contents plus tare added up. */
  method: z.enum(['SM1', 'SM2']).optional(),
  /** When the mass was determined (weighed or calculated). */
  determinedAt: DateTimeSchema.optional(),
  /** The party responsible for the VGM: the shipper named on the B/L. */
  responsibleParty: PartySchema.optional(),
  /** The person the responsible party authorised to sign the declaration. */
  authorizedSignatory: z.string().min(1).optional(),
  /** The weighing station or party that weighed, when named. */
  weighingParty: PartySchema.optional(),
});
export type VerifiedGrossMass = z.infer<typeof VerifiedGrossMassSchema>;

/**
 * One milestone of a shipment, modelled on DCSA Track & Trace 2.2. EDIFACT IFTSTA and
 * carrier/hub status codes are mapped to the DCSA event code; the original code stays in
 * sourceStatusCode.
 */
export const ShipmentEventSchema = z
  .strictObject({
    /** The source's own event id (DCSA eventID), if it has one. */
    sourceEventId: z.string().optional(),
    /**
     * DCSA TNT v3: this event retracts the one with this source id (3.0 Beta: another event's
     * metadata.retractedEventID; 3.0: isRetracted, so it equals sourceEventId). Handlers drop
     * the retracted milestone instead of recording this one.
     */
    retractedEventId: z.string().optional(),
    eventKind: EventKindSchema,
    classifier: EventClassifierSchema,
    eventCode: z.string().regex(/^[A-Z]{4}$/, 'DCSA event code has 4 capitals, e.g. LOAD'),
    eventDateTime: DateTimeSchema,
    eventCreatedDateTime: DateTimeSchema.optional(),
    location: LocationSchema.optional(),
    transportCall: TransportCallSchema.optional(),
    /** As reported: a failing ISO 6346 check digit is a warning on the message, not a refusal. */
    equipmentReference: ReportedContainerNoSchema.optional(),
    isoEquipmentCode: IsoEquipmentCodeSchema.optional(),
    emptyIndicator: z.enum(['EMPTY', 'LADEN']).optional(),
    /** SHIPMENT events: the document the event is about (DCSA documentTypeCode + id). */
    documentTypeCode: z.enum(DOCUMENT_TYPE_CODES).optional(),
    documentId: z.string().optional(),
    /** B/L or sea waybill number (DCSA transportDocumentReference). */
    transportDocumentRef: z.string().max(20).optional(),
    bookingNo: z.string().max(35).optional(),
    /** Other references: PO (purchase order), FF (forwarder), SI, CR (customer) ... */
    references: z.array(DocumentReferenceSchema).optional(),
    delayReasonCode: z.string().optional(),
    carrierCode: z.string().optional(),
    sourceStatusCode: z.string().min(1),
    sourceStatusDescription: z.string().optional(),
    remarks: z.string().optional(),
    /** The container's verified gross mass, on VGM declaration events. */
    vgm: VerifiedGrossMassSchema.optional(),
  })
  .superRefine((e, ctx) => {
    const codes: readonly string[] = SHIPMENT_EVENT_CODES[e.eventKind];
    if (!codes.includes(e.eventCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['eventCode'],
        message: `${e.eventCode} is not a ${e.eventKind} event code (${codes.join(' ')})`,
      });
    }
    if (e.eventKind === 'SHIPMENT' && e.classifier !== 'ACT') {
      ctx.addIssue({ code: 'custom', path: ['classifier'], message: 'SHIPMENT events are ACT' });
    }
    if (e.eventKind === 'EQUIPMENT' && !e.equipmentReference) {
      ctx.addIssue({
        code: 'custom',
        path: ['equipmentReference'],
        message: 'EQUIPMENT events name the container',
      });
    }
  });
export type ShipmentEvent = z.infer<typeof ShipmentEventSchema>;

const minuteUtc = (iso: string): string => new Date(iso).toISOString().slice(0, 16) + 'Z';

function eventSubject(e: ShipmentEvent): string | undefined {
  switch (e.eventKind) {
    case 'EQUIPMENT':
      return e.equipmentReference;
    case 'TRANSPORT':
      return e.transportDocumentRef ?? e.bookingNo ?? e.equipmentReference;
    case 'SHIPMENT':
      return e.documentId ?? e.transportDocumentRef ?? e.bookingNo;
  }
}

/**
 * Deterministic identity of a milestone, so the same event reported by two sources (an
 * EDIFACT IFTSTA and a DCSA push, or a re-sent message) is stored once. It hashes:
 * - eventKind, the DCSA event code (upper-cased) and the classifier: a planned and an actual
 *   LOAD are different facts;
 * - one subject per kind, so extra references in one source do not change the identity:
 *   EQUIPMENT -> the container; TRANSPORT -> the B/L, else the booking, else the container;
 *   SHIPMENT -> the document the event is about, else the B/L, else the booking;
 * - the UN/LOCODE of the event location (or of the transport call);
 * - eventDateTime in UTC truncated to the minute: EDIFACT DTM 203 has minute precision and
 *   sources write different offsets for the same instant.
 * Not hashed: source ids, raw status codes and descriptions, which differ between sources.
 * A corrected time (e.g. a re-estimated EST) is therefore a new event, as DCSA treats it.
 */
export function shipmentEventIdentity(event: ShipmentEvent): string {
  const parts = [
    event.eventKind,
    event.eventCode.trim().toUpperCase(),
    event.classifier,
    (eventSubject(event) ?? '').trim().toUpperCase(),
    event.location?.unLocode ?? event.transportCall?.location?.unLocode ?? '',
    minuteUtc(event.eventDateTime),
    // ADR 0012: the document type and, for SHIPMENT events, the container (two VGMs of one
    // VERMAS, a SHI and a TRD draft of one B/L are different events).
    event.documentTypeCode ?? '',
    event.eventKind === 'SHIPMENT' ? (event.equipmentReference ?? '') : '',
  ];
  // Events without either keep the identity they had before (stored entries match).
  while (parts.length > 6 && parts[parts.length - 1] === '') parts.pop();
  return 'sev1-' + createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32);
}

export const ShipmentEventDocument = defineDocument({
  name: 'ShipmentEvent',
  version: '1',
  schema: ShipmentEventSchema,
  defaultEventType: 'logistics.shipment.status',
  refs: (e) =>
    collectRefs({
      containerNo: e.equipmentReference,
      blNo: e.transportDocumentRef ?? (e.documentTypeCode === 'TRD' ? e.documentId : undefined),
      bookingNo: e.bookingNo ?? (e.documentTypeCode === 'BKG' ? e.documentId : undefined),
      orderNo: e.references?.filter((r) => r.type === 'PO').map((r) => r.value),
    }),
});
