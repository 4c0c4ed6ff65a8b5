import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { ContainerNoSchema } from '../values/container-no';
import { CountryCodeSchema } from '../values/country.codes';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { TermsOfDeliverySchema } from '../values/incoterm.schema';
import { CurrencyCodeSchema, MoneySchema } from '../values/money.schema';
import { LocationSchema } from '../values/location.schema';
import { QuantitySchema } from '../values/quantity.schema';
import { AddressSchema, PartySchema } from '../values/party.schema';
import { BuyerIdentitySchema } from '../values/buyer-identity.schema';
import {
  ConveyanceSchema,
  MeasuresSchema,
  PackagesSchema,
  RawStatusSchema,
  RefNo,
  TradeLineSchema,
  sameCurrencyCheck,
} from './common.schema';

export const PaymentTermsSchema = z.strictObject({
  /** LC letter of credit, TT telegraphic transfer, DP/DA documents against payment/acceptance,
   *  OA open account, CAD cash against documents, PLATFORM marketplace settlement. */
  method: z.enum(['LC', 'TT', 'DP', 'DA', 'OA', 'CAD', 'PLATFORM']),
  creditDays: z.number().int().nonnegative().optional(),
  description: z.string().optional(),
});

export const SalesOrderStatusSchema = z.enum([
  'PENDING',
  'CONFIRMED',
  'READY_TO_SHIP',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'RETURNED',
]);

/** The order channel: a B2B contract or a marketplace order (Shopee ordersn, Amazon order id). */
export const OrderChannelSchema = z.strictObject({
  kind: z.enum(['B2B', 'MARKETPLACE', 'WEBSHOP']),
  platform: z.string().optional(),
  shopId: z.string().optional(),
  marketplaceId: z.string().optional(),
  /** Fulfilled by the seller (MFN), the marketplace (AFN/FBA) or an overseas warehouse. */
  fulfillment: z.enum(['SELLER', 'MARKETPLACE', 'OVERSEAS_WAREHOUSE']).optional(),
});

interface Totals {
  currency: string;
  lines: Array<{ amount: { currency: string }; unitPrice: { currency: string } }>;
  goodsValue: { currency: string };
  freight?: { currency: string };
  insurance?: { currency: string };
  discount?: { currency: string };
  totalAmount: { currency: string };
}

/** Orders and invoices are in one currency: every amount must use it. */
function totalsInDocumentCurrency(d: Totals, ctx: z.core.$RefinementCtx): void {
  sameCurrencyCheck(ctx, d.currency, [
    [['goodsValue'], d.goodsValue],
    [['freight'], d.freight],
    [['insurance'], d.insurance],
    [['discount'], d.discount],
    [['totalAmount'], d.totalAmount],
    ...d.lines.flatMap((l, i): Array<[Array<string | number>, { currency: string }]> => [
      [['lines', i, 'unitPrice'], l.unitPrice],
      [['lines', i, 'amount'], l.amount],
    ]),
  ]);
}

/**
 * The buyer of an order; a consumer buying a cross-border import (1210, 9610 import) also
 * carries the identity customs requires (personal data: see BuyerIdentitySchema).
 */
export const OrderBuyerSchema = PartySchema.extend({ identity: BuyerIdentitySchema.optional() });

export const SalesOrderSchema = z
  .strictObject({
    orderNo: RefNo,
    orderDate: DateTimeSchema,
    status: SalesOrderStatusSchema,
    rawStatus: RawStatusSchema.optional(),
    channel: OrderChannelSchema,
    contractNo: z.string().optional(),
    seller: PartySchema,
    buyer: OrderBuyerSchema,
    consignee: PartySchema.optional(),
    shipTo: AddressSchema.optional(),
    terms: TermsOfDeliverySchema.optional(),
    paymentTerms: PaymentTermsSchema.optional(),
    /** China supervision mode the export will use (0110, 9610, 9710, 9810, 1210, 1039). */
    customsMode: z
      .string()
      .regex(/^\d{4}$/, 'supervision mode has 4 digits')
      .optional(),
    currency: CurrencyCodeSchema,
    lines: z.array(TradeLineSchema).min(1, 'an order needs at least one line'),
    goodsValue: MoneySchema,
    freight: MoneySchema.optional(),
    insurance: MoneySchema.optional(),
    discount: MoneySchema.optional(),
    totalAmount: MoneySchema,
    latestShipDate: DateSchema.optional(),
    remarks: z.string().optional(),
  })
  .superRefine(totalsInDocumentCurrency);
export type SalesOrder = z.infer<typeof SalesOrderSchema>;

export const SalesOrderDocument = defineDocument({
  name: 'SalesOrder',
  version: '1',
  schema: SalesOrderSchema,
  defaultEventType: 'commerce.order.created',
  refs: (o) => collectRefs({ orderNo: o.orderNo, contractNo: o.contractNo }),
});

/** Commercial invoice issued by the seller (beneficiary under an LC, UCP 600 Art. 18). */
export const CommercialInvoiceSchema = z
  .strictObject({
    invoiceNo: RefNo,
    issueDate: DateSchema,
    seller: PartySchema,
    buyer: PartySchema,
    consignee: PartySchema.optional(),
    orderNos: z.array(RefNo).optional(),
    contractNo: z.string().optional(),
    lcNo: z.string().optional(),
    blNo: z.string().optional(),
    terms: TermsOfDeliverySchema.optional(),
    paymentTerms: PaymentTermsSchema.optional(),
    currency: CurrencyCodeSchema,
    lines: z
      .array(TradeLineSchema.extend({ marks: z.string().optional() }))
      .min(1, 'an invoice needs at least one line'),
    goodsValue: MoneySchema,
    freight: MoneySchema.optional(),
    insurance: MoneySchema.optional(),
    discount: MoneySchema.optional(),
    totalAmount: MoneySchema,
    countryOfOrigin: CountryCodeSchema.optional(),
    portOfLoading: LocationSchema.optional(),
    portOfDischarge: LocationSchema.optional(),
    vessel: ConveyanceSchema.optional(),
    shipmentDate: DateSchema.optional(),
    packages: z.array(PackagesSchema).optional(),
    measures: MeasuresSchema.optional(),
    remarks: z.string().optional(),
  })
  .superRefine(totalsInDocumentCurrency);
export type CommercialInvoice = z.infer<typeof CommercialInvoiceSchema>;

/** One packing unit range (cartons 1-120) with what each holds. */
export const PackingUnitSchema = z.strictObject({
  /** Carton numbers as marked, e.g. "1-120". */
  packageNos: z.string().optional(),
  packages: PackagesSchema,
  contents: z
    .array(
      z.strictObject({
        lineNo: z.number().int().positive().optional(),
        sku: z.string().optional(),
        description: z.string().min(1),
        quantity: QuantitySchema,
      }),
    )
    .min(1),
  measures: MeasuresSchema.optional(),
  marks: z.string().optional(),
  containerNo: ContainerNoSchema.optional(),
});

export const PackingListSchema = z.strictObject({
  packingListNo: RefNo,
  issueDate: DateSchema,
  invoiceNo: z.string().optional(),
  orderNos: z.array(RefNo).optional(),
  seller: PartySchema,
  buyer: PartySchema,
  consignee: PartySchema.optional(),
  units: z.array(PackingUnitSchema).min(1, 'a packing list lists at least one package'),
  totalPackages: z.array(PackagesSchema).min(1),
  totalMeasures: MeasuresSchema,
  remarks: z.string().optional(),
});
export type PackingList = z.infer<typeof PackingListSchema>;

export const CommercialInvoiceDocument = defineDocument({
  name: 'CommercialInvoice',
  version: '1',
  schema: CommercialInvoiceSchema,
  defaultEventType: 'commerce.invoice.issued',
  refs: (i) =>
    collectRefs({
      invoiceNo: i.invoiceNo,
      orderNo: i.orderNos,
      contractNo: i.contractNo,
      lcNo: i.lcNo,
      blNo: i.blNo,
    }),
});

export const PackingListDocument = defineDocument({
  name: 'PackingList',
  version: '1',
  schema: PackingListSchema,
  defaultEventType: 'commerce.packing-list.issued',
  refs: (p) =>
    collectRefs({
      invoiceNo: p.invoiceNo,
      orderNo: p.orderNos,
      containerNo: p.units.map((u) => u.containerNo),
    }),
});
