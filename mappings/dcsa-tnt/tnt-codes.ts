import {
  DOCUMENT_TYPE_CODES,
  SHIPMENT_EVENT_CODES,
} from '../../core/model/documents/logistics-event.schema';
import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';

/** Code lists of DCSA T&T 2.2 (TNT_v2.2.0) and 3.0 (TNT_v3.0.0), as the specs enumerate them. */

export const EVENT_KINDS = ['SHIPMENT', 'TRANSPORT', 'EQUIPMENT'] as const;
/** 3.0 adds IoT and reefer events: not shipment milestones, they are skipped with a warning. */
export const V3_EVENT_TYPES = [...EVENT_KINDS, 'IOT', 'REEFER'] as const;
export const CLASSIFIERS = ['PLN', 'EST', 'ACT'] as const;
export const EMPTY_INDICATORS = ['EMPTY', 'LADEN'] as const;

type Kind = (typeof EVENT_KINDS)[number];

// 2.2 enumerates the first 15 shipment codes; PENC and CANC come from the 2.x event domain the
// primer cites (event_domain_v2.0.2), so a carrier on a later 2.2 patch is not refused.
const V2_SHIPMENT = SHIPMENT_EVENT_CODES.SHIPMENT.slice(0, 17);
const V2_EQUIPMENT = SHIPMENT_EVENT_CODES.EQUIPMENT.slice(0, 11);

/** Event type code per kind and version. */
export const EVENT_CODES: Record<'2.2' | '3.0', Record<Kind, readonly string[]>> = {
  '2.2': {
    SHIPMENT: V2_SHIPMENT,
    TRANSPORT: SHIPMENT_EVENT_CODES.TRANSPORT,
    EQUIPMENT: V2_EQUIPMENT,
  },
  '3.0': {
    SHIPMENT: SHIPMENT_EVENT_CODES.SHIPMENT.filter((c) => c !== 'PENC'),
    TRANSPORT: SHIPMENT_EVENT_CODES.TRANSPORT,
    EQUIPMENT: SHIPMENT_EVENT_CODES.EQUIPMENT,
  },
};

/** The field that carries the event code of each kind (2.2 flat event, 3.0 eventClassification). */
export const EVENT_CODE_FIELD: Record<Kind, string> = {
  SHIPMENT: 'shipmentEventTypeCode',
  TRANSPORT: 'transportEventTypeCode',
  EQUIPMENT: 'equipmentEventTypeCode',
};

type DocType = NonNullable<ShipmentEvent['documentTypeCode']>;
export const V2_DOCUMENT_TYPES: readonly DocType[] = DOCUMENT_TYPE_CODES.slice(0, 11);
// 3.0 replaced SRM and CUS by CRO/DEO and CUC.
export const V3_DOCUMENT_TYPES: readonly DocType[] = DOCUMENT_TYPE_CODES.filter(
  (c) => c !== 'SRM' && c !== 'CUS',
);

/** documentReferences (2.2) point at the booking or the transport document only. */
export const V2_DOCUMENT_REFERENCE_TYPES = ['BKG', 'TRD'] as const;

export const V2_REFERENCE_TYPES = ['FF', 'SI', 'PO', 'CR', 'AAO', 'EQ'] as const;
export const V3_REFERENCE_TYPES = [
  'AAO', 'AES', 'BID', 'BPR', 'CER', 'CR', 'CSI', 'DUE', 'ECR', 'EQ', 'FF', 'PO', 'RUC', 'SI',
] as const; // prettier-ignore

/** DCSA modeOfTransport -> canonical transport mode (a barge is waterborne: SEA). */
export const TRANSPORT_MODES = {
  VESSEL: 'SEA',
  BARGE: 'SEA',
  RAIL: 'RAIL',
  TRUCK: 'ROAD',
  MULTIMODAL: 'MULTIMODAL',
} as const;
export const V2_MODES = ['VESSEL', 'RAIL', 'TRUCK', 'BARGE'] as const;
export const V3_MODES = [...V2_MODES, 'MULTIMODAL'] as const;

/**
 * ISO 6346 size-type code: length (1-4, A-P), height/width, then a type code (G1, R1, U1 ...)
 * or a type group (GP, RT, UT ...). Trade slang such as "40HC" is refused: 40' HC is 45G1.
 */
export const ISO_EQUIPMENT_CODE = new RegExp(
  '^[1-4A-HK-NP][0245689C-FL-NP]' +
    '([GVBSRHUPTA][0-9]|GP|VH|BU|BK|SN|RE|RT|RS|RC|HR|HI|UT|UP|PL|PF|PC|PS|TN|TD|TG|AS)$',
);
