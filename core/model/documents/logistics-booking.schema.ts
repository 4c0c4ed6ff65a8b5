import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { TermsOfDeliverySchema } from '../values/incoterm.schema';
import { LocationSchema } from '../values/location.schema';
import { PartySchema } from '../values/party.schema';
import { ConveyanceSchema, RawStatusSchema, RefNo } from './common.schema';
import {
  AmendedBookingStatusSchema,
  BookingCancellationStatusSchema,
  BookingStatusSchema,
  CargoItemSchema,
  EquipmentRequirementSchema,
} from './logistics-common.schema';

const routing = {
  placeOfReceipt: LocationSchema.optional(),
  portOfLoading: LocationSchema,
  portOfDischarge: LocationSchema,
  placeOfDelivery: LocationSchema.optional(),
};

/** A booking request to a carrier (DCSA Booking 2.0, IFTMBF). */
export const BookingSchema = z
  .strictObject({
    /** Carrier booking request reference, known before the carrier confirms. */
    bookingRequestRef: z.string().min(1).max(100).optional(),
    /** Carrier booking reference, once the carrier assigned one. */
    bookingNo: z.string().min(1).max(35).optional(),
    status: BookingStatusSchema,
    amendedStatus: AmendedBookingStatusSchema.optional(),
    cancellationStatus: BookingCancellationStatusSchema.optional(),
    rawStatus: RawStatusSchema.optional(),
    carrierCode: z.string().optional(),
    shipper: PartySchema,
    consignee: PartySchema.optional(),
    forwarder: PartySchema.optional(),
    serviceContractRef: z.string().optional(),
    contractNo: z.string().optional(),
    orderNos: z.array(RefNo).optional(),
    /**
     * The carrier's routing the shipper picked (DCSA routingReference, from a schedule): it
     * stands for the ports, which the request may then leave out.
     */
    routingRef: z.string().min(1).max(100).optional(),
    ...routing,
    portOfLoading: LocationSchema.optional(),
    portOfDischarge: LocationSchema.optional(),
    cargoMovement: z.enum(['FCL', 'LCL']),
    terms: TermsOfDeliverySchema.optional(),
    requestedDepartureDate: DateSchema.optional(),
    vessel: ConveyanceSchema.optional(),
    equipment: z.array(EquipmentRequirementSchema).min(1, 'a booking asks for equipment'),
    cargo: z.array(CargoItemSchema).min(1, 'a booking needs a cargo description'),
    requestedAt: DateTimeSchema.optional(),
    remarks: z.string().optional(),
  })
  .refine((b) => Boolean(b.bookingRequestRef ?? b.bookingNo), {
    error: 'a booking needs bookingRequestRef or bookingNo',
    path: ['bookingRequestRef'],
  })
  .refine((b) => Boolean(b.routingRef ?? (b.portOfLoading && b.portOfDischarge)), {
    error: 'a booking needs its ports of loading and discharge, or a routingRef',
    path: ['portOfLoading'],
  });
export type Booking = z.infer<typeof BookingSchema>;

/** DCSA cut-off codes: DCO documentation, VCO VGM, FCO FCL delivery, LCO LCL delivery,
 *  ECP empty container pick-up, EFC earliest full-container delivery. */
export const CutOffSchema = z.strictObject({
  code: z.enum(['DCO', 'VCO', 'FCO', 'LCO', 'ECP', 'EFC']),
  at: DateTimeSchema,
});

/** The carrier's confirmation (DCSA CONFIRMED booking, IFTMBC). */
export const BookingConfirmationSchema = z.strictObject({
  bookingNo: z.string().min(1).max(35),
  bookingRequestRef: z.string().min(1).max(100).optional(),
  status: BookingStatusSchema,
  rawStatus: RawStatusSchema.optional(),
  carrier: PartySchema,
  carrierCode: z.string().optional(),
  /** DCSA amendedBookingStatus / bookingCancellationStatus, when one is in progress. */
  amendedStatus: AmendedBookingStatusSchema.optional(),
  cancellationStatus: BookingCancellationStatusSchema.optional(),
  confirmedAt: DateTimeSchema,
  ...routing,
  vessel: ConveyanceSchema,
  estimatedDeparture: DateTimeSchema.optional(),
  estimatedArrival: DateTimeSchema.optional(),
  /** Day-precision plan (DCSA transportPlan plannedDepartureDate / plannedArrivalDate). */
  plannedDepartureDate: DateSchema.optional(),
  plannedArrivalDate: DateSchema.optional(),
  cutOffs: z.array(CutOffSchema).optional(),
  equipment: z.array(EquipmentRequirementSchema).min(1),
  emptyPickupLocation: LocationSchema.optional(),
  fullReturnLocation: LocationSchema.optional(),
  orderNos: z.array(RefNo).optional(),
  remarks: z.string().optional(),
});
export type BookingConfirmation = z.infer<typeof BookingConfirmationSchema>;

const containersOf = (equipment: Array<{ containerNos?: string[] }>) =>
  equipment.flatMap((e) => e.containerNos ?? []);

export const BookingDocument = defineDocument({
  name: 'Booking',
  version: '1',
  schema: BookingSchema,
  defaultEventType: 'logistics.booking.requested',
  refs: (b) =>
    collectRefs({
      bookingNo: [b.bookingNo, b.bookingRequestRef],
      orderNo: b.orderNos,
      contractNo: b.contractNo,
      containerNo: containersOf(b.equipment),
    }),
});

export const BookingConfirmationDocument = defineDocument({
  name: 'BookingConfirmation',
  version: '1',
  schema: BookingConfirmationSchema,
  defaultEventType: 'logistics.booking.confirmed',
  refs: (b) =>
    collectRefs({
      bookingNo: [b.bookingNo, b.bookingRequestRef],
      orderNo: b.orderNos,
      containerNo: containersOf(b.equipment),
    }),
});
