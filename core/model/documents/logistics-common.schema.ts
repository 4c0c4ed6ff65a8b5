import { z } from 'zod';
import { ContainerNoSchema } from '../values/container-no';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { HsCodeSchema } from '../values/hs-code';
import { PackagesSchema } from './common.schema';

/** ISO 6346 size-type code such as 22G1 (20' general purpose) or 45R1 (40' HC reefer). */
export const IsoEquipmentCodeSchema = z
  .string()
  .regex(/^[0-9A-Z]{4}$/, 'ISO 6346 size-type code has 4 characters, e.g. 22G1');

/** Equipment asked for or allocated on a booking: n units of one size-type. */
export const EquipmentRequirementSchema = z.strictObject({
  isoEquipmentCode: IsoEquipmentCodeSchema,
  units: z.number().int().positive(),
  isShipperOwned: z.boolean().optional(),
  containerNos: z.array(ContainerNoSchema).optional(),
});

/** Goods as carriers see them: description, packages, weight; HS optional (required by some lanes). */
export const CargoItemSchema = z.strictObject({
  description: z.string().min(1),
  hsCode: HsCodeSchema.optional(),
  packages: PackagesSchema.optional(),
  grossWeightKg: NonNegativeDecimalSchema,
  volumeM3: NonNegativeDecimalSchema.optional(),
  marks: z.string().optional(),
  /** Container the item is stuffed in, when known (SI, B/L). */
  containerNo: ContainerNoSchema.optional(),
  dangerousGoods: z
    .strictObject({
      unNumber: z.string().regex(/^\d{4}$/, 'UN number has 4 digits'),
      imoClass: z.string(),
    })
    .optional(),
});

/** A packed container on an SI or B/L with its seals. */
export const UtilizedContainerSchema = z.strictObject({
  containerNo: ContainerNoSchema,
  isoEquipmentCode: IsoEquipmentCodeSchema.optional(),
  seals: z.array(z.string().min(1)).optional(),
  grossWeightKg: NonNegativeDecimalSchema.optional(),
  tareWeightKg: NonNegativeDecimalSchema.optional(),
  /** Verified gross mass (SOLAS VGM) in kg. */
  vgmKg: NonNegativeDecimalSchema.optional(),
  packageCount: z.number().int().nonnegative().optional(),
});

/** DCSA Booking 2.0 bookingStatus. */
export const BookingStatusSchema = z.enum([
  'RECEIVED',
  'PENDING_UPDATE',
  'UPDATE_RECEIVED',
  'CONFIRMED',
  'PENDING_AMENDMENT',
  'REJECTED',
  'DECLINED',
  'CANCELLED',
  'COMPLETED',
]);
export const AmendedBookingStatusSchema = z.enum([
  'AMENDMENT_RECEIVED',
  'AMENDMENT_CONFIRMED',
  'AMENDMENT_DECLINED',
  'AMENDMENT_CANCELLED',
]);
export const BookingCancellationStatusSchema = z.enum([
  'CANCELLATION_RECEIVED',
  'CANCELLATION_DECLINED',
  'CANCELLATION_CONFIRMED',
]);

export const FreightPaymentSchema = z.enum(['PREPAID', 'COLLECT']);
/** Bill of lading or sea waybill. */
export const TransportDocumentTypeSchema = z.enum(['BOL', 'SWB']);
