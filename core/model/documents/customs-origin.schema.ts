import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { CountryCodeSchema } from '../values/country.codes';
import { DateSchema } from '../values/datetime.schema';
import { LocationSchema } from '../values/location.schema';
import { MoneySchema } from '../values/money.schema';
import { PercentSchema } from '../values/decimal.schema';
import { QuantitySchema } from '../values/quantity.schema';
import { PartySchema } from '../values/party.schema';
import { ConveyanceSchema, PackagesSchema, RefNo } from './common.schema';

/** WO wholly obtained, PE produced exclusively from originating materials, CTC change of
 *  tariff classification (CC/CTH/CTSH), RVC regional value content, PSR other product-specific rule. */
export const OriginCriterionSchema = z.enum(['WO', 'PE', 'CC', 'CTH', 'CTSH', 'RVC', 'PSR']);

export const OriginLineSchema = z
  .strictObject({
    itemNo: z.number().int().positive(),
    marks: z.string().optional(),
    packages: PackagesSchema.optional(),
    description: z.string().min(1),
    /** 6-digit HS in the importing Party's HS version. */
    hsCode: z.string().regex(/^\d{6}$/, 'certificates of origin carry a 6-digit HS code'),
    originCriterion: OriginCriterionSchema,
    rvcPercent: PercentSchema.optional(),
    quantity: QuantitySchema.optional(),
    /** FOB value, needed when the criterion is RVC. */
    fobValue: MoneySchema.optional(),
    invoiceNo: RefNo,
    invoiceDate: DateSchema.optional(),
    /** RCEP "country of origin" of the good (Art. 2.6), may differ from the exporting Party. */
    originCountry: CountryCodeSchema,
  })
  .refine((l) => l.originCriterion !== 'RVC' || (l.rvcPercent && l.fobValue), {
    error: 'an RVC criterion needs rvcPercent and fobValue',
    path: ['rvcPercent'],
  });

/** Certificate of origin (RCEP, ACFTA Form E, non-preferential ...) as applied for or issued. */
export const CertificateOfOriginSchema = z.strictObject({
  certificateNo: RefNo,
  /** Agreement: RCEP, ACFTA, CPTPP ... or NON_PREFERENTIAL. */
  agreement: z.string().min(1),
  /** Form name where the agreement has one (E for ACFTA). */
  form: z.string().optional(),
  status: z.enum(['APPLIED', 'ISSUED', 'REJECTED', 'CANCELLED']),
  issuingBody: z.string().optional(),
  issueDate: DateSchema.optional(),
  /** RCEP proofs are valid for one year from issue. */
  validUntil: DateSchema.optional(),
  exporter: PartySchema,
  producer: PartySchema.optional(),
  consignee: PartySchema,
  importingCountry: CountryCodeSchema,
  portOfLoading: LocationSchema.optional(),
  portOfDischarge: LocationSchema.optional(),
  conveyance: ConveyanceSchema.optional(),
  departureDate: DateSchema.optional(),
  thirdPartyInvoicing: z.boolean().optional(),
  declarationNo: z.string().optional(),
  lines: z.array(OriginLineSchema).min(1, 'a certificate covers at least one good'),
});
export type CertificateOfOrigin = z.infer<typeof CertificateOfOriginSchema>;

export const CertificateOfOriginDocument = defineDocument({
  name: 'CertificateOfOrigin',
  version: '1',
  schema: CertificateOfOriginSchema,
  defaultEventType: 'clearance.origin-certificate.issued',
  refs: (c) =>
    collectRefs({
      certificateNo: c.certificateNo,
      invoiceNo: c.lines.map((l) => l.invoiceNo),
      declarationNo: c.declarationNo,
    }),
});
