import { z } from 'zod';
import { CountryCodeSchema } from '../values/country.codes';
import { DateTimeSchema } from '../values/datetime.schema';

/**
 * What every cross-border e-commerce (CEB) filing carries about itself: the enterprise's record
 * guid, appType (1 new, 2 change, 3 delete), appStatus (1 staged at E-Port, 2 declared) and
 * appTime (primer §1.2). A platform reads such filings as copies from its logistics and payment
 * partners, so the document says which filing it is and whether it replaced or withdrew one.
 */
export const CebFilingSchema = z.strictObject({
  /** 36-character record guid (idempotency key, primer §12). */
  guid: z.string().min(1),
  action: z.enum(['NEW', 'CHANGE', 'DELETE']),
  status: z.enum(['STAGED', 'DECLARED']),
  filedAt: DateTimeSchema,
});
export type CebFiling = z.infer<typeof CebFilingSchema>;

export const TradeDirectionSchema = z.enum(['EXPORT', 'IMPORT']);

/** 4-digit customs district (关区) code, e.g. 3105. */
export const CustomsDistrictSchema = z
  .string()
  .regex(/^\d{4}$/, 'customs district code has 4 digits');

/**
 * A country as customs coded it (legacy numeric `116` or alpha-3) and, when the code table
 * knows it, its ISO alpha-2. The code is kept because a filing is evidence of what was sent: a
 * code TradeHub's table does not know is reported as a mapping warning, not dropped.
 */
export const CustomsCountrySchema = z.strictObject({
  code: z.string().regex(/^[0-9A-Z]{3}$/, 'customs country code has 3 characters'),
  iso: CountryCodeSchema.optional(),
});
export type CustomsCountry = z.infer<typeof CustomsCountrySchema>;

/** The transport mode code the filing gives (JGS-20, one character: 4 road, 5 air, W ...). */
export const CustomsTransportModeSchema = z
  .string()
  .regex(/^[0-9A-Z]$/, 'customs transport mode is 1 character');
