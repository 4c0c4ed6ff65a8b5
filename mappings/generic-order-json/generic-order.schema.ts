import { z } from 'zod';
import { CurrencyCodeSchema } from '../../core/model/values/money.schema';
import { IncotermSchema } from '../../core/model/values/incoterm.schema';

const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string like "12.50"');

/**
 * The order JSON a generic HTTP partner (a webshop, an ERP) posts: deliberately flat, so a
 * partner can produce it from a spreadsheet export. Published in docs/partners/generic-order.md.
 */
export const GenericOrderSchema = z.object({
  orderNo: z.string().min(1),
  orderDate: z.string().min(1),
  currency: CurrencyCodeSchema,
  channel: z.enum(['B2B', 'MARKETPLACE', 'WEBSHOP']).default('B2B'),
  contractNo: z.string().optional(),
  seller: z.object({
    name: z.string().min(1),
    uscc: z.string().optional(),
    customsCode: z.string().optional(),
    country: z.string().length(2).default('CN'),
  }),
  buyer: z.object({
    name: z.string().min(1),
    country: z.string().length(2),
    eori: z.string().optional(),
    vat: z.string().optional(),
    address: z.array(z.string()).optional(),
    city: z.string().optional(),
    postalCode: z.string().optional(),
    /** The consumer's identity for a cross-border import (1210): checked on the SalesOrder. */
    identity: z
      .object({
        idType: z.string(),
        idNumber: z.string(),
        name: z.string(),
        telephone: z.string(),
      })
      .optional(),
  }),
  incoterm: IncotermSchema.optional(),
  namedPlace: z.string().optional(),
  customsMode: z.string().optional(),
  paymentMethod: z.enum(['LC', 'TT', 'DP', 'DA', 'OA', 'CAD', 'PLATFORM']).optional(),
  paymentDays: z.number().int().nonnegative().optional(),
  lines: z
    .array(
      z.object({
        sku: z.string().optional(),
        description: z.string().min(1),
        hsCode: z.string().optional(),
        quantity: decimal,
        unit: z.string().default('H87'),
        unitPrice: decimal,
        originCountry: z.string().length(2).optional(),
      }),
    )
    .min(1),
  freight: decimal.optional(),
  insurance: decimal.optional(),
  discount: decimal.optional(),
  latestShipDate: z.string().optional(),
  remarks: z.string().optional(),
});

export type GenericOrder = z.infer<typeof GenericOrderSchema>;
