import { z } from 'zod';
import {
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
    documentTypeCode: z
      .enum(['CBR', 'BKG', 'SHI', 'SRM', 'TRD', 'ARN', 'VGM', 'CAS', 'CUS', 'DGD', 'OOG'])
      .optional(),
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
 * Default status code list: the X12 315 shipment status codes that ocean carriers and INTTRA
 * send in IFTSTA STS (ITIGG IFTSTA guide usage). STS codes are carrier-specific: a partner adds
 * or replaces entries with `statusCodes` in its settings, or drops this list with
 * `defaultStatusCodes: false`.
 */
export const DEFAULT_STATUS_CODES: Readonly<Record<string, StatusCodeEntry>> = {
  EE: equipment('GTOT', 'EMPTY', 'Empty equipment dispatched to shipper'),
  I: equipment('GTIN', 'LADEN', 'Gate in full at the port of loading'),
  AE: equipment('LOAD', 'LADEN', 'Loaded on vessel'),
  VD: transport('DEPA', 'Vessel departure'),
  VA: transport('ARRI', 'Vessel arrival'),
  UV: equipment('DISC', 'LADEN', 'Unloaded from vessel'),
  AL: equipment('LOAD', 'LADEN', 'Loaded on rail'),
  RL: transport('DEPA', 'Rail departure from origin ramp'),
  AR: transport('ARRI', 'Rail arrival at destination ramp'),
  UR: equipment('DISC', 'LADEN', 'Unloaded from rail'),
  OA: equipment('GTOT', 'LADEN', 'Gate out full from the port of discharge'),
  D: equipment('DROP', 'LADEN', 'Delivered to consignee'),
  RD: equipment('GTIN', 'EMPTY', 'Empty container returned'),
  CT: {
    eventKind: 'SHIPMENT',
    eventCode: 'RELS',
    documentTypeCode: 'CUS',
    description: 'Customs release',
  },
};
