import { z } from 'zod';
import { PartySchema } from '../../../core/model/values/party.schema';
import { MoneySchema } from '../../../core/model/values/money.schema';
import { DecimalStringSchema } from '../../../core/model/values/decimal.schema';
import { DateSchema, DateTimeSchema } from '../../../core/model/values/datetime.schema';
import type { ClientProfile } from './clearance.service';
import type { SummaryRequest } from './summary.service';
import type { HsEntry, ProductEntry } from './rules/hs-catalogue';
import type { OriginInput } from './rules/origin';
import type { TariffQuestion } from './rules/tariff';

// The bodies of the clearance API. Each is checked against the rule's own type below, so a
// field added to a rule without its schema fails the type check.

const country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 country');
const hsCode = z.string().regex(/^\d{6,10}$/, 'an HS code of 6 to 10 digits');

export const ClientProfileSchema = z.strictObject({
  party: PartySchema,
  qualification: z.strictObject({
    registrations: z.array(
      z.strictObject({
        kind: z.enum(['FOREIGN_TRADE_OPERATOR', 'CUSTOMS']),
        number: z.string().min(1),
        status: z.enum(['ACTIVE', 'SUSPENDED', 'REVOKED', 'PENDING']),
        validUntil: DateSchema.optional(),
        documents: z.array(z.string()).optional(),
      }),
    ),
    agency: z
      .strictObject({ status: z.enum(['ACTIVE', 'ENDED']), validUntil: DateSchema.optional() })
      .optional(),
  }),
  districtCode: z.string().min(1).optional(),
  bondedImport: z
    .strictObject({
      areaCode: z.string().regex(/^\d{10}$/, 'a 10-digit bonded area (warehouse) code'),
      areaName: z.string().min(1),
      emsNo: z.string().min(1).max(30).optional(),
      assureCode: z.string().min(1).max(30),
      carrier: z.strictObject({ code: z.string().min(1), name: z.string().min(1) }),
    })
    .optional(),
});

/** The HS code comes from the path. */
export const HsEntrySchema = z.strictObject({
  elements: z.array(z.string().min(1)),
  firstUnit: z.string().regex(/^\d{3}$/, 'a 3-digit customs unit code'),
  secondUnit: z
    .string()
    .regex(/^\d{3}$/, 'a 3-digit customs unit code')
    .optional(),
});

/** The SKU comes from the path. */
export const ProductEntrySchema = z.strictObject({
  hsCode,
  goodsName: z.string().min(1),
  elementValues: z.array(z.string()),
  netKgPerUnit: DecimalStringSchema.optional(),
});

export const OriginInputSchema = z.strictObject({
  agreement: z.enum(['RCEP', 'ACFTA']),
  exportingCountry: country,
  hsCode,
  fobValue: DecimalStringSchema,
  whollyObtained: z.boolean().optional(),
  materials: z.array(
    z.strictObject({
      description: z.string().min(1),
      hsCode,
      originCountry: country.optional(),
      value: DecimalStringSchema,
      weightKg: DecimalStringSchema.optional(),
    }),
  ),
  directLabour: DecimalStringSchema.optional(),
  directOverhead: DecimalStringSchema.optional(),
  profit: DecimalStringSchema.optional(),
  otherCost: DecimalStringSchema.optional(),
  rules: z.array(z.enum(['WO', 'CC', 'CTH', 'CTSH', 'RVC40'])).optional(),
  weightKg: DecimalStringSchema.optional(),
});

export const TariffQuestionSchema = z.strictObject({
  hsCode,
  origin: country,
  destination: z.string().min(2),
  customsValue: MoneySchema,
  quantity: z.strictObject({ value: DecimalStringSchema, unit: z.string().min(1) }).optional(),
  qualifiesFor: z.array(z.string().min(1)),
  date: DateSchema,
});

/** A CEB701 summary run: the client's released 9610 lists of [periodStart, periodEnd). */
export const SummaryRequestSchema = z
  .strictObject({
    clientId: z.string().min(1).nullable(),
    periodStart: DateTimeSchema,
    periodEnd: DateTimeSchema,
  })
  .refine((r) => Date.parse(r.periodStart) < Date.parse(r.periodEnd), {
    message: 'periodStart must be before periodEnd',
    path: ['periodEnd'],
  });

// Each schema's output must be assignable to what the rules take.
type Fits<S extends z.ZodType, T> = z.infer<S> extends T ? true : never;
export const schemasFit: [
  Fits<typeof ClientProfileSchema, ClientProfile>,
  Fits<typeof HsEntrySchema, Omit<HsEntry, 'hsCode'>>,
  Fits<typeof ProductEntrySchema, Omit<ProductEntry, 'sku'>>,
  Fits<typeof OriginInputSchema, OriginInput>,
  Fits<typeof TariffQuestionSchema, TariffQuestion>,
  Fits<typeof SummaryRequestSchema, SummaryRequest>,
] = [true, true, true, true, true, true];
