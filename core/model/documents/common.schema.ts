import { z } from 'zod';
import { CountryCodeSchema } from '../values/country.codes';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { HsCodeSchema } from '../values/hs-code';
import { MoneySchema } from '../values/money.schema';
import { QuantitySchema } from '../values/quantity.schema';

/** Human-entered reference numbers: not blank, bounded. */
export const RefNo = z.string().trim().min(1, 'reference is required').max(70);

/** The partner's own status code kept beside the canonical one (primer §12). */
export const RawStatusSchema = z.strictObject({
  code: z.string().min(1),
  description: z.string().optional(),
});

/** Another document this one points to (type as the partner names it: BKG, INV, SO ...). */
export const DocumentReferenceSchema = z.strictObject({
  type: z.string().min(1),
  value: z.string().min(1),
});

export const TransportModeSchema = z.enum(['SEA', 'AIR', 'ROAD', 'RAIL', 'MULTIMODAL', 'POST']);

/** Vessel / flight / truck carrying the goods on one leg. */
export const ConveyanceSchema = z.strictObject({
  mode: TransportModeSchema,
  vesselName: z.string().optional(),
  /** IMO ship number, 7 digits. */
  vesselImo: z
    .string()
    .regex(/^\d{7}$/, 'IMO number has 7 digits')
    .optional(),
  voyageNo: z.string().optional(),
  flightNo: z.string().optional(),
  /** Carrier SCAC (sea) or IATA code (air). */
  carrierCode: z.string().optional(),
});

/** A goods line as orders and invoices carry it. */
export const TradeLineSchema = z.strictObject({
  lineNo: z.number().int().positive(),
  sku: z.string().optional(),
  description: z.string().min(1),
  hsCode: HsCodeSchema.optional(),
  quantity: QuantitySchema,
  unitPrice: MoneySchema,
  amount: MoneySchema,
  originCountry: CountryCodeSchema.optional(),
});
export type TradeLine = z.infer<typeof TradeLineSchema>;

/** Packages of one kind: count + UN/ECE Rec 21 package type (CT carton, PX pallet ...). */
export const PackagesSchema = z.strictObject({
  count: z.number().int().nonnegative(),
  packageType: z.string().regex(/^[0-9A-Z]{2}$/, 'package type is a 2-character Rec 21 code'),
  description: z.string().optional(),
});

/** Weights in kilograms and volume in cubic metres, as decimal strings. */
export const MeasuresSchema = z.strictObject({
  grossWeightKg: NonNegativeDecimalSchema.optional(),
  netWeightKg: NonNegativeDecimalSchema.optional(),
  volumeM3: NonNegativeDecimalSchema.optional(),
});

/** Adds an issue for every Money in `paths` whose currency differs from `currency`. */
export function sameCurrencyCheck(
  ctx: z.core.$RefinementCtx,
  currency: string,
  entries: Array<[Array<string | number>, { currency: string } | undefined]>,
): void {
  for (const [path, money] of entries) {
    if (money && money.currency !== currency) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'currency'],
        message: `currency ${money.currency} differs from the document currency ${currency}`,
      });
    }
  }
}
