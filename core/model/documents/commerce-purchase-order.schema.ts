import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateTimeSchema } from '../values/datetime.schema';
import { DecimalStringSchema, NonNegativeDecimalSchema } from '../values/decimal.schema';
import { CurrencyCodeSchema } from '../values/money.schema';
import { AddressSchema, PartySchema } from '../values/party.schema';
import { UnitCodeSchema } from '../values/unit.schema';
import { RefNo } from './common.schema';

/** One item line as EDI buyers and suppliers write it (ORDERS, DESADV). */
export const PurchaseOrderLineSchema = z.strictObject({
  lineNo: z.number().int().positive(),
  /** The item's id as the buyer writes it: a GTIN, the buyer's or the supplier's number. */
  itemId: z.string().min(1).optional(),
  itemIdType: z.string().optional(),
  description: z.string().optional(),
  quantity: NonNegativeDecimalSchema,
  /** Rec 20 unit when the order gives one the model knows. */
  unit: UnitCodeSchema.optional(),
  /** The unit as sent when it is no Rec 20 code (EANCOM packaging like PACK, STK). */
  unitSent: z.string().optional(),
  unitPrice: DecimalStringSchema.optional(),
});

/**
 * A buyer's purchase order as received (EDIFACT ORDERS, EANCOM): what is asked for, often
 * without prices (retail orders price by the agreed list). Small on purpose: a SalesOrder is
 * made from it once prices and currency are known.
 */
export const PurchaseOrderSchema = z.strictObject({
  orderNo: RefNo,
  orderDate: DateTimeSchema,
  buyer: PartySchema,
  seller: PartySchema,
  shipTo: PartySchema.optional(),
  shipToAddress: AddressSchema.optional(),
  requestedDeliveryAt: DateTimeSchema.optional(),
  currency: CurrencyCodeSchema.optional(),
  lines: z.array(PurchaseOrderLineSchema).min(1, 'an order asks for at least one item'),
  remarks: z.string().optional(),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrderSchema>;

export const PurchaseOrderDocument = defineDocument({
  name: 'PurchaseOrder',
  version: '1',
  schema: PurchaseOrderSchema,
  defaultEventType: 'commerce.purchase-order.received',
  refs: (o) => collectRefs({ orderNo: o.orderNo }),
});
