import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { ContainerNoSchema } from '../values/container-no';
import { DateTimeSchema } from '../values/datetime.schema';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { PartySchema } from '../values/party.schema';
import { PackagesSchema, RefNo } from './common.schema';
import { PurchaseOrderLineSchema } from './commerce-purchase-order.schema';

/**
 * A supplier's despatch advice (advance shipping notice) as received: EDIFACT DESADV, EANCOM.
 * What left, when and against which orders. Unlike a PackingList it may state no packages at
 * all (many retail DESADVs list items only), so packages are optional here.
 */
export const DespatchAdviceSchema = z.strictObject({
  /** BGM 1004: the despatch advice (delivery note) number. */
  despatchAdviceNo: RefNo,
  issuedAt: DateTimeSchema.optional(),
  despatchedAt: DateTimeSchema.optional(),
  expectedDeliveryAt: DateTimeSchema.optional(),
  supplier: PartySchema,
  buyer: PartySchema.optional(),
  shipTo: PartySchema.optional(),
  carrier: PartySchema.optional(),
  orderNos: z.array(RefNo).optional(),
  packingListNo: z.string().optional(),
  blNo: z.string().optional(),
  containerNos: z.array(ContainerNoSchema).optional(),
  /** Packages by type (PAC), when the advice states them. */
  packages: z.array(PackagesSchema).optional(),
  lines: z
    .array(
      PurchaseOrderLineSchema.omit({ unitPrice: true }).extend({
        /** Despatched quantity (QTY 12). */
        quantity: NonNegativeDecimalSchema,
        /** The order line this item answers (RFF ON / LI). */
        orderNo: z.string().optional(),
        orderLineNo: z.string().optional(),
      }),
    )
    .min(1, 'a despatch advice lists at least one item'),
});
export type DespatchAdvice = z.infer<typeof DespatchAdviceSchema>;

export const DespatchAdviceDocument = defineDocument({
  name: 'DespatchAdvice',
  version: '1',
  schema: DespatchAdviceSchema,
  defaultEventType: 'commerce.despatch-advice.received',
  refs: (d) =>
    collectRefs({
      orderNo: [...(d.orderNos ?? []), ...d.lines.map((l) => l.orderNo)],
      blNo: d.blNo,
      containerNo: d.containerNos,
    }),
});
