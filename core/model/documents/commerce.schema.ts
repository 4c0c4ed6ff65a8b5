import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { TermsOfDeliverySchema } from '../values/incoterm.schema';
import { CurrencyCodeSchema, MoneySchema } from '../values/money.schema';
import { AddressSchema, PartySchema } from '../values/party.schema';
import { RawStatusSchema, RefNo, TradeLineSchema, sameCurrencyCheck } from './common.schema';

export const PaymentTermsSchema = z.object({
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
export const OrderChannelSchema = z.object({
  kind: z.enum(['B2B', 'MARKETPLACE', 'WEBSHOP']),
  platform: z.string().optional(),
  shopId: z.string().optional(),
  marketplaceId: z.string().optional(),
  /** Fulfilled by the seller (MFN), the marketplace (AFN/FBA) or an overseas warehouse. */
  fulfillment: z.enum(['SELLER', 'MARKETPLACE', 'OVERSEAS_WAREHOUSE']).optional(),
});

export const SalesOrderSchema = z
  .object({
    orderNo: RefNo,
    orderDate: DateTimeSchema,
    status: SalesOrderStatusSchema,
    rawStatus: RawStatusSchema.optional(),
    channel: OrderChannelSchema,
    contractNo: z.string().optional(),
    seller: PartySchema,
    buyer: PartySchema,
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
  .superRefine((o, ctx) =>
    sameCurrencyCheck(ctx, o.currency, [
      [['goodsValue'], o.goodsValue],
      [['freight'], o.freight],
      [['insurance'], o.insurance],
      [['discount'], o.discount],
      [['totalAmount'], o.totalAmount],
      ...o.lines.map((l, i): [Array<string | number>, { currency: string }] => [
        ['lines', i, 'amount'],
        l.amount,
      ]),
    ]),
  );
export type SalesOrder = z.infer<typeof SalesOrderSchema>;

export const SalesOrderDocument = defineDocument({
  name: 'SalesOrder',
  version: '1',
  schema: SalesOrderSchema,
  defaultEventType: 'commerce.order.created',
  refs: (o) => collectRefs({ orderNo: o.orderNo, contractNo: o.contractNo }),
});
