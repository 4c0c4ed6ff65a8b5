import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { LocationSchema } from '../values/location.schema';
import { MoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';
import { ConveyanceSchema, RawStatusSchema, RefNo } from './common.schema';
import {
  CargoItemSchema,
  FreightPaymentSchema,
  TransportDocumentTypeSchema,
  UtilizedContainerSchema,
} from './logistics-common.schema';

/** Parties and routing that both the SI and the B/L carry. */
const shipmentParties = {
  shipper: PartySchema,
  /** Absent on a B/L made out "to order". */
  consignee: PartySchema.optional(),
  isToOrder: z.boolean().optional(),
  notifyParties: z.array(PartySchema).optional(),
  placeOfReceipt: LocationSchema.optional(),
  portOfLoading: LocationSchema,
  portOfDischarge: LocationSchema,
  placeOfDelivery: LocationSchema.optional(),
  transportDocumentType: TransportDocumentTypeSchema,
  isElectronic: z.boolean().optional(),
  numberOfOriginals: z.number().int().nonnegative().optional(),
  freightPayment: FreightPaymentSchema.optional(),
  containers: z.array(UtilizedContainerSchema),
  cargo: z.array(CargoItemSchema).min(1, 'goods description is required'),
  invoiceNos: z.array(RefNo).optional(),
  orderNos: z.array(RefNo).optional(),
  /** China export declaration numbers printed on the B/L. */
  declarationNos: z.array(RefNo).optional(),
};

const consigneeOrToOrder = <T extends { consignee?: unknown; isToOrder?: boolean }>(d: T) =>
  d.consignee !== undefined || d.isToOrder === true;
const consigneeIssue = { error: 'name a consignee or set isToOrder', path: ['consignee'] };

/** DCSA eBL 3.0 shipping-instructions status. */
export const ShippingInstructionStatusSchema = z.enum([
  'RECEIVED',
  'PENDING_UPDATE',
  'COMPLETED',
  'CANCELLED',
  'DECLINED',
]);

/** Shipping instructions (DCSA eBL SI, IFTMIN). */
export const ShippingInstructionSchema = z
  .strictObject({
    siRef: z.string().min(1).max(100).optional(),
    bookingNos: z.array(z.string().min(1).max(35)).min(1, 'an SI refers to a booking'),
    status: ShippingInstructionStatusSchema.optional(),
    rawStatus: RawStatusSchema.optional(),
    submittedAt: DateTimeSchema.optional(),
    vessel: ConveyanceSchema.optional(),
    ...shipmentParties,
    // A DCSA eBL 3.0 SI names no ports: they come from the booking it refers to. The B/L made
    // from it always carries them.
    portOfLoading: LocationSchema.optional(),
    portOfDischarge: LocationSchema.optional(),
    remarks: z.string().optional(),
  })
  .refine(consigneeOrToOrder, consigneeIssue);
export type ShippingInstruction = z.infer<typeof ShippingInstructionSchema>;

/** DCSA eBL 3.0 transport-document status. */
export const TransportDocumentStatusSchema = z.enum([
  'DRAFT',
  'APPROVED',
  'ISSUED',
  'PENDING_SURRENDER_FOR_AMENDMENT',
  'SURRENDER_FOR_AMENDMENT',
  'VOID',
  'PENDING_SURRENDER_FOR_DELIVERY',
  'SURRENDER_FOR_DELIVERY',
]);

/** Bill of lading or sea waybill (DCSA transport document, IFTMCS). */
export const BillOfLadingSchema = z
  .strictObject({
    /** DCSA transportDocumentReference, at most 20 characters. */
    blNo: z.string().min(1).max(20),
    status: TransportDocumentStatusSchema,
    rawStatus: RawStatusSchema.optional(),
    bookingNos: z.array(z.string().min(1).max(35)).min(1),
    siRef: z.string().optional(),
    carrier: PartySchema,
    carrierCode: z.string().optional(),
    vessel: ConveyanceSchema,
    /** Dated on-board notation (UCP 600 Art. 20/27); required once issued. */
    shippedOnBoardDate: DateSchema.optional(),
    issueDate: DateSchema.optional(),
    issuePlace: z.string().optional(),
    /** Clauses on the face; a clean B/L has none declaring defective goods or packaging. */
    clauses: z.array(z.string()).optional(),
    onDeck: z.boolean().optional(),
    declaredValue: MoneySchema.optional(),
    ...shipmentParties,
  })
  .refine(consigneeOrToOrder, consigneeIssue)
  .refine((b) => b.status !== 'ISSUED' || b.shippedOnBoardDate !== undefined, {
    error: 'an issued B/L carries its shipped-on-board date',
    path: ['shippedOnBoardDate'],
  });
export type BillOfLading = z.infer<typeof BillOfLadingSchema>;

type Shipment = Pick<
  ShippingInstruction,
  'invoiceNos' | 'orderNos' | 'declarationNos' | 'containers'
>;
const shipmentRefs = (d: Shipment) => ({
  containerNo: d.containers.map((c) => c.containerNo),
  invoiceNo: d.invoiceNos,
  orderNo: d.orderNos,
  declarationNo: d.declarationNos,
});

export const ShippingInstructionDocument = defineDocument({
  name: 'ShippingInstruction',
  version: '1',
  schema: ShippingInstructionSchema,
  defaultEventType: 'logistics.shipping-instruction.submitted',
  refs: (si) => collectRefs({ bookingNo: si.bookingNos, ...shipmentRefs(si) }),
});

export const BillOfLadingDocument = defineDocument({
  name: 'BillOfLading',
  version: '1',
  schema: BillOfLadingSchema,
  defaultEventType: 'logistics.bill-of-lading.issued',
  refs: (bl) => collectRefs({ blNo: bl.blNo, bookingNo: bl.bookingNos, ...shipmentRefs(bl) }),
});
