import {
  AmendedBookingStatusSchema,
  BookingCancellationStatusSchema,
  BookingStatusSchema,
} from '../../core/model/documents/logistics-common.schema';

/** Code lists of DCSA Booking 2.0 (BKG_v2.0.0.yaml) the mappings check. */

export const BOOKING_STATUSES = BookingStatusSchema.options;
export const AMENDED_BOOKING_STATUSES = AmendedBookingStatusSchema.options;
export const CANCELLATION_STATUSES = BookingCancellationStatusSchema.options;

/** CY container yard, SD store door, CFS container freight station. */
export const SERVICE_TYPES = ['CY', 'SD', 'CFS'] as const;
export const CARGO_MOVEMENT_TYPES = ['FCL', 'LCL'] as const;
export const CARRIER_CODE_LIST_PROVIDERS = ['SMDG', 'NMFTA'] as const;

/** DCO documentation, VCO VGM, FCO FCL delivery, LCO LCL delivery, EFC earliest full delivery. */
export const CUT_OFF_CODES = ['DCO', 'VCO', 'FCO', 'LCO', 'EFC'] as const;

/** Shipment location types the canonical booking carries (others are kept out). */
export const LOCATION_ROLES = {
  PRE: 'placeOfReceipt',
  POL: 'portOfLoading',
  POD: 'portOfDischarge',
  PDE: 'placeOfDelivery',
} as const;
export const LOCATION_TYPE_CODES = [
  'PRE', 'POL', 'POD', 'PDE', 'PCF', 'OIR', 'ORI', 'IEL', 'PTP', 'RTP', 'FCD',
] as const; // prettier-ignore

/** Transport plan stages: pre-carriage, main carriage, on-carriage. */
export const PLAN_STAGES = ['PRC', 'MNC', 'ONC'] as const;

export const WEIGHT_UNITS = ['KGM', 'LBR'] as const;
export const VOLUME_UNITS = ['MTQ', 'FTQ'] as const;
