import { z } from 'zod';
import { defineDocument } from '../define-document';
import { mergeRefs, TradeRefsSchema } from '../trade-refs';
import { CountryCodeSchema } from '../values/country.codes';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { PercentSchema } from '../values/decimal.schema';

/** Every party a trade touches is screened (primer §11). */
export const ScreenedRoleSchema = z.enum([
  'BUYER',
  'CONSIGNEE',
  'NOTIFY_PARTY',
  'END_USER',
  'SELLER',
  'BANK',
  'CARRIER',
  'VESSEL',
  'OTHER',
]);

/** A denied-party list match (CSL source such as SDN, EL, DPL; UN, EU, UK, MOFCOM lists). */
export const ScreeningHitSchema = z.strictObject({
  listSource: z.string().min(1),
  matchedName: z.string().min(1),
  altNames: z.array(z.string()).optional(),
  programs: z.array(z.string()).optional(),
  entryId: z.string().optional(),
  /** Match score 0-100 as the screening service reports it. */
  score: z.number().min(0).max(100),
});

/** A trade-remedy measure (AD/CVD) keyed by destination, HS prefix and origin. */
export const TradeRemedySchema = z.strictObject({
  authority: z.string().min(1),
  /** EU TARIC measure type (551-554) or the US case type. */
  measureType: z.string().min(1),
  caseNo: z.string().optional(),
  hsPrefix: z.string().regex(/^\d{2,10}$/, 'HS prefix has 2 to 10 digits'),
  originCountry: CountryCodeSchema,
  destinationCountry: CountryCodeSchema,
  exporterSpecific: z.boolean().optional(),
  ratePercent: PercentSchema.optional(),
  effectiveFrom: DateSchema.optional(),
  effectiveTo: DateSchema.optional(),
});

/** A compliance finding that needs a human disposition. */
export const ComplianceAlertSchema = z
  .strictObject({
    alertId: z.string().min(1),
    kind: z.enum(['DENIED_PARTY', 'TRADE_REMEDY', 'EXPORT_CONTROL', 'SANCTIONED_COUNTRY']),
    /** WARNING: may proceed after review; BLOCK: must not proceed until cleared. */
    severity: z.enum(['INFO', 'WARNING', 'BLOCK']),
    raisedAt: DateTimeSchema,
    /** Where it was raised: at quote, order, declaration, payment ... */
    checkpoint: z.string().optional(),
    subject: z.strictObject({
      partyName: z.string().optional(),
      partyRole: ScreenedRoleSchema.optional(),
      hsCode: z.string().optional(),
      originCountry: CountryCodeSchema.optional(),
      destinationCountry: CountryCodeSchema.optional(),
    }),
    hits: z.array(ScreeningHitSchema).optional(),
    measure: TradeRemedySchema.optional(),
    /** Export control: whether a MOFCOM licence is needed and the one on file. */
    licence: z.strictObject({ required: z.boolean(), licenseNo: z.string().optional() }).optional(),
    disposition: z.enum(['OPEN', 'CLEARED', 'CONFIRMED', 'ESCALATED']),
    message: z.string().min(1),
    /** The trade the alert concerns, as trade references. */
    related: TradeRefsSchema,
  })
  .refine((a) => a.kind !== 'DENIED_PARTY' || (a.hits?.length ?? 0) > 0, {
    error: 'a denied-party alert lists its hits',
    path: ['hits'],
  })
  .refine((a) => a.kind !== 'TRADE_REMEDY' || a.measure !== undefined, {
    error: 'a trade-remedy alert names the measure',
    path: ['measure'],
  });
export type ComplianceAlert = z.infer<typeof ComplianceAlertSchema>;

export const ComplianceAlertDocument = defineDocument({
  name: 'ComplianceAlert',
  version: '1',
  schema: ComplianceAlertSchema,
  defaultEventType: 'compliance.alert.raised',
  refs: (a) => mergeRefs(a.related),
});
