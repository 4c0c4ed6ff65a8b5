import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { LocationSchema } from '../values/location.schema';
import { PartySchema } from '../values/party.schema';
import { DocumentReferenceSchema, RawStatusSchema, RefNo } from './common.schema';

/** One handling unit (parcel, pallet) or goods item of the instruction. */
export const TransportUnitSchema = z.strictObject({
  /** Number of packages of this item (GID 7224); 1 for a single parcel. */
  packageCount: z.number().int().nonnegative().optional(),
  /** UN/ECE Rec 21 package type as sent (CT carton, PX pallet ...). */
  packageType: z.string().min(1).max(17).optional(),
  grossWeightKg: NonNegativeDecimalSchema.optional(),
  volumeM3: NonNegativeDecimalSchema.optional(),
  /** Marks and numbers on the unit: parcel ids, SSCCs (PCI/GIN). */
  marks: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
});

/**
 * A transport instruction a shipper or forwarder sends its carrier (UN/EDIFACT IFTMIN from a
 * forwarder, parcel and road carriers' subsets such as PostNord PN001): who ships what to whom,
 * with which service. It is the order to carry, not an ocean booking (no equipment or ports are
 * required) and not a shipping instruction against a booking: kept as the partner gave it, with
 * its document code, so a domain can read it as either where it carries enough.
 */
export const TransportInstructionSchema = z.strictObject({
  /** The instruction's number (BGM 1004): the shipment or consignment number the carrier uses. */
  instructionNo: RefNo,
  /**
   * UNCL 1001 as sent: 220 order, 335 booking request, 340 shipping instructions, 610
   * forwarding instructions, 710 transport order ...
   */
  documentCode: z.string().min(1).max(3),
  /** BGM 1225: 9 original, 5 replacement, 4 change ...; cancellations are not mapped. */
  rawStatus: RawStatusSchema.optional(),
  issuedAt: DateTimeSchema.optional(),
  requestedShipmentDate: DateSchema.optional(),
  requestedDeliveryDate: DateSchema.optional(),
  /** TSR 4065: contract and carriage condition (the carrier's product, e.g. a parcel service). */
  serviceCode: z.string().min(1).optional(),
  /** TSR 7273: additional services asked for (the carrier's own codes as sent). */
  additionalServices: z.array(z.string().min(1)).optional(),
  shipper: PartySchema,
  consignee: PartySchema.optional(),
  forwarder: PartySchema.optional(),
  carrier: PartySchema.optional(),
  placeOfReceipt: LocationSchema.optional(),
  portOfLoading: LocationSchema.optional(),
  portOfDischarge: LocationSchema.optional(),
  placeOfDelivery: LocationSchema.optional(),
  /** CNT 7: total gross weight, in kg. */
  totalGrossWeightKg: NonNegativeDecimalSchema.optional(),
  /** CNT 11: total number of packages. */
  totalPackages: z.number().int().nonnegative().optional(),
  units: z.array(TransportUnitSchema).optional(),
  /** References as sent (RFF 1153 qualifier and value): CU consignor's, BN booking, ON order. */
  references: z.array(DocumentReferenceSchema).optional(),
  bookingNos: z.array(RefNo).optional(),
  orderNos: z.array(RefNo).optional(),
  remarks: z.string().optional(),
});
export type TransportInstruction = z.infer<typeof TransportInstructionSchema>;

export const TransportInstructionDocument = defineDocument({
  name: 'TransportInstruction',
  version: '1',
  schema: TransportInstructionSchema,
  defaultEventType: 'logistics.transport-instruction.received',
  refs: (t) =>
    collectRefs({
      shipmentNo: t.instructionNo,
      bookingNo: t.bookingNos,
      orderNo: t.orderNos,
      trackingNo: (t.units ?? []).flatMap((u) => u.marks ?? []),
    }),
});
