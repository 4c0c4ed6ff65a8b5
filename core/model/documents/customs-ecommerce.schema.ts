import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateTimeSchema } from '../values/datetime.schema';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { MoneySchema, PositiveMoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';
import {
  CebFilingSchema,
  CustomsDistrictSchema,
  CustomsTransportModeSchema,
  TradeDirectionSchema,
} from './customs-filing.schema';

/**
 * The payment of an e-commerce order as filed with customs: CEB403 收款单 (export, the seller's
 * receipt of the buyer's money) or CEB411 支付单 (import, the payment company's record of the
 * buyer's payment). The payer's national ID number is not carried: it is needed only in the
 * customs filing itself, and copying it onto the trade timeline would spread personal data.
 */
export const EcommercePaymentSchema = z.strictObject({
  filing: CebFilingSchema,
  direction: TradeDirectionSchema,
  orderNo: z.string().min(1).max(60),
  /** payNo (CEB403) or payTransactionId (CEB411): the payment company's transaction number. */
  paymentNo: z.string().min(1).optional(),
  platform: PartySchema,
  /** ebc: the e-commerce enterprise (CEB403 only). */
  seller: PartySchema.optional(),
  /** payCode/payName: the payment company ("现金支付" for offline payment). */
  paymentProvider: PartySchema,
  /** The consumer who paid (CEB411 payerName, telephone). */
  payer: PartySchema.optional(),
  amount: PositiveMoneySchema,
  /** accountingDate (CEB403) or payTime (CEB411), China time. */
  paidAt: DateTimeSchema,
  remarks: z.string().optional(),
});
export type EcommercePayment = z.infer<typeof EcommercePaymentSchema>;

export const EcommercePaymentDocument = defineDocument({
  name: 'EcommercePayment',
  version: '1',
  schema: EcommercePaymentSchema,
  defaultEventType: 'clearance.ecommerce-payment.filed',
  refs: (p) => collectRefs({ orderNo: p.orderNo, paymentRef: p.paymentNo }),
});

/** One parcel's waybill as the logistics company filed it: CEB505 (export), CEB511 (import). */
export const CustomsWaybillSchema = z.strictObject({
  filing: CebFilingSchema,
  direction: TradeDirectionSchema,
  /** The parcel's waybill number (运单号, ≤60). */
  logisticsNo: z.string().min(1).max(60),
  carrier: PartySchema,
  /** CEB511 names the order and the master bill (sea B/L, air master waybill, road manifest). */
  orderNo: z.string().min(1).optional(),
  blNo: z.string().min(1).optional(),
  freight: MoneySchema,
  insuredFee: MoneySchema.optional(),
  grossWeightKg: NonNegativeDecimalSchema,
  packageCount: z.number().int().nonnegative(),
  goodsInfo: z.string().optional(),
  /** CEB505: the e-commerce enterprise the parcel ships for, with its telephone. */
  seller: PartySchema.optional(),
  /** CEB511: the consumer it is delivered to. */
  consignee: PartySchema.optional(),
  remarks: z.string().optional(),
});
export type CustomsWaybill = z.infer<typeof CustomsWaybillSchema>;

export const CustomsWaybillDocument = defineDocument({
  name: 'CustomsWaybill',
  version: '1',
  schema: CustomsWaybillSchema,
  defaultEventType: 'clearance.ecommerce-waybill.filed',
  refs: (w) => collectRefs({ trackingNo: w.logisticsNo, orderNo: w.orderNo, blNo: w.blNo }),
});

/** One parcel on a manifest, by its waybill. */
export const ManifestParcelSchema = z.strictObject({
  lineNo: z.number().int().positive(),
  logisticsNo: z.string().min(1),
  /** totalPackageNo: the consolidated bag (总包) the parcel travels in. */
  bagNo: z.string().min(1).optional(),
  remarks: z.string().optional(),
});

/**
 * Parcels reported to customs together: CEB507 运抵单 (arrived at the export supervision site),
 * CEB509 离境单 (left the country) and CEB711 入库明细单 (entered the bonded or direct-import
 * site). A large batch is split over several messages: `batch` says which one this is.
 */
export const ParcelManifestSchema = z.strictObject({
  filing: CebFilingSchema,
  kind: z.enum(['ARRIVAL', 'DEPARTURE', 'DELIVERY']),
  direction: TradeDirectionSchema,
  customsCode: CustomsDistrictSchema,
  clientRef: z.string().min(1).optional(),
  preEntryId: z.string().min(1).optional(),
  /** CEB711 rkdNo: the warehouse entry number customs gave. */
  receiptNo: z.string().min(1).optional(),
  /** The supervision site's operator (CEB507, CEB711). */
  operator: PartySchema.optional(),
  carrier: PartySchema,
  transportMode: CustomsTransportModeSchema,
  conveyanceName: z.string().min(1).optional(),
  voyageNo: z.string().min(1).optional(),
  blNo: z.string().min(1).optional(),
  domesticTransportNo: z.string().min(1).optional(),
  /** loctNo: supervision site code. */
  locationCode: z.string().min(1).optional(),
  unloadLocation: z.string().min(1).optional(),
  /** CEB509 leaveTime. */
  departedAt: DateTimeSchema.optional(),
  batch: z
    .strictObject({ count: z.number().int().positive(), seqNo: z.number().int().positive() })
    .optional(),
  parcels: z.array(ManifestParcelSchema).min(1, 'a manifest lists at least one parcel'),
  remarks: z.string().optional(),
});
export type ParcelManifest = z.infer<typeof ParcelManifestSchema>;

export const ParcelManifestDocument = defineDocument({
  name: 'ParcelManifest',
  version: '1',
  schema: ParcelManifestSchema,
  defaultEventType: 'clearance.parcel-manifest.filed',
  refs: (m) =>
    collectRefs({
      trackingNo: m.parcels.map((p) => p.logisticsNo),
      blNo: m.blNo,
      declarationNo: [m.receiptNo, m.preEntryId, m.clientRef],
    }),
});
