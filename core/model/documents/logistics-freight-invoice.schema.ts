import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { ReportedContainerNoSchema } from '../values/container-no';
import { DateSchema } from '../values/datetime.schema';
import { DecimalStringSchema } from '../values/decimal.schema';
import { CurrencyCodeSchema, MoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';
import { MeasuresSchema, RefNo, sameCurrencyCheck } from './common.schema';
import { FreightPaymentSchema } from './logistics-common.schema';

/** One charge on a carrier's freight bill (X12 210/310 L1, DCSA charges). */
export const FreightChargeSchema = z.strictObject({
  lineNo: z.number().int().positive().optional(),
  /** The carrier's charge code (X12 special charge code 150, e.g. FUE fuel; DCSA chargeCode). */
  chargeCode: z.string().min(1).optional(),
  description: z.string().optional(),
  /** The rate as quoted and what it is per (X12 rate/value qualifier 122: FR flat, PM per mile). */
  rate: DecimalStringSchema.optional(),
  rateBasis: z.string().min(1).optional(),
  amount: MoneySchema,
  paymentTerm: FreightPaymentSchema.optional(),
});
export type FreightCharge = z.infer<typeof FreightChargeSchema>;

/**
 * A carrier's invoice for moving a shipment (X12 210 motor carrier freight details and
 * invoice): not a commercial invoice, which sells goods. It bills transport and its surcharges
 * to whoever pays the freight, and names the shipment by the carrier's own number (the PRO),
 * the B/L, bookings and the shipper's orders.
 */
export const FreightInvoiceSchema = z
  .strictObject({
    invoiceNo: RefNo,
    issueDate: DateSchema,
    carrier: PartySchema,
    /** SCAC. */
    carrierCode: z.string().min(2).max(4).optional(),
    billTo: PartySchema.optional(),
    shipper: PartySchema.optional(),
    consignee: PartySchema.optional(),
    /** The carrier's number for the move (PRO number, shipment identification). */
    shipmentNo: RefNo.optional(),
    blNo: z.string().min(1).max(35).optional(),
    bookingNos: z.array(RefNo).optional(),
    orderNos: z.array(RefNo).optional(),
    containerNos: z.array(ReportedContainerNoSchema).optional(),
    freightPayment: FreightPaymentSchema.optional(),
    shipmentDate: DateSchema.optional(),
    deliveryDate: DateSchema.optional(),
    measures: MeasuresSchema.optional(),
    currency: CurrencyCodeSchema,
    charges: z.array(FreightChargeSchema).min(1, 'a freight invoice bills at least one charge'),
    totalAmount: MoneySchema,
  })
  .superRefine((d, ctx) =>
    sameCurrencyCheck(ctx, d.currency, [
      [['totalAmount'], d.totalAmount],
      ...d.charges.map((c, i): [Array<string | number>, { currency: string }] => [
        ['charges', i, 'amount'],
        c.amount,
      ]),
    ]),
  );
export type FreightInvoice = z.infer<typeof FreightInvoiceSchema>;

export const FreightInvoiceDocument = defineDocument({
  name: 'FreightInvoice',
  version: '1',
  schema: FreightInvoiceSchema,
  defaultEventType: 'logistics.freight-invoice.received',
  refs: (i) =>
    collectRefs({
      invoiceNo: i.invoiceNo,
      shipmentNo: i.shipmentNo,
      blNo: i.blNo,
      bookingNo: i.bookingNos,
      orderNo: i.orderNos,
      containerNo: i.containerNos,
    }),
});
