import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { CountryCodeSchema } from '../values/country.codes';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { PercentSchema } from '../values/decimal.schema';
import { MoneySchema, PositiveMoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';
import { DocumentReferenceSchema, RefNo } from './common.schema';

/** Payment terms a credit insurer covers. */
export const InsuredPaymentTermSchema = z.enum(['LC', 'DP', 'DA', 'OA']);
/** Sinosure short-term cover: up to 180 days, 360 with consent. */
const creditDays = z.number().int().nonnegative().max(360);

const insuredBuyer = {
  policyNo: RefNo,
  buyer: PartySchema,
  /** The insurer's buyer code (Sinosure 买方代码). */
  buyerCode: z.string().optional(),
};

/** The insurer's buyer credit limit decision (信用限额). */
export const CreditLimitSchema = z.strictObject({
  ...insuredBuyer,
  limitNo: z.string().optional(),
  kind: z.enum(['STANDARD', 'ZERO', 'SELF_MANAGED', 'SPECIAL']),
  status: z.enum(['REQUESTED', 'APPROVED', 'REDUCED', 'REJECTED', 'CANCELLED', 'EXPIRED']),
  requestedAmount: PositiveMoneySchema.optional(),
  /** The approved limit; it caps the indemnity. Zero for a zero limit or a rejection. */
  amount: MoneySchema,
  paymentTerm: InsuredPaymentTermSchema,
  creditDays,
  effectiveDate: DateSchema.optional(),
  expiryDate: DateSchema.optional(),
  decidedAt: DateTimeSchema.optional(),
  conditions: z.array(z.string()).optional(),
});
export type CreditLimit = z.infer<typeof CreditLimitSchema>;

/** 出运申报: a shipment declared under the policy; undeclared shipments are not covered. */
export const InsuranceShipmentDeclarationSchema = z.strictObject({
  ...insuredBuyer,
  declarationRef: z.string().optional(),
  invoiceNo: RefNo,
  invoiceAmount: PositiveMoneySchema,
  shipmentDate: DateSchema,
  dueDate: DateSchema,
  paymentTerm: InsuredPaymentTermSchema,
  creditDays,
  destinationCountry: CountryCodeSchema,
  blNo: z.string().optional(),
  customsDeclarationNo: z.string().optional(),
  contractNo: z.string().optional(),
  orderNo: z.string().optional(),
  premiumRatePercent: PercentSchema.optional(),
  /** Premium = declared invoice amount × rate. */
  premium: MoneySchema.optional(),
  declaredAt: DateTimeSchema.optional(),
});
export type InsuranceShipmentDeclaration = z.infer<typeof InsuranceShipmentDeclarationSchema>;

/** From the notice of possible loss (可能损失通知书) to indemnity and recovery. */
export const ClaimSchema = z.strictObject({
  claimNo: RefNo,
  ...insuredBuyer,
  stage: z.enum([
    'POSSIBLE_LOSS_NOTICE',
    'CLAIM_FILED',
    'UNDER_REVIEW',
    'INDEMNIFIED',
    'REJECTED',
    'WITHDRAWN',
    'RECOVERY',
  ]),
  cause: z.enum(['INSOLVENCY', 'DEFAULT', 'REFUSAL', 'POLITICAL', 'OTHER']),
  filedAt: DateTimeSchema,
  lossNoticeDate: DateSchema.optional(),
  dueDate: DateSchema.optional(),
  overdueDays: z.number().int().nonnegative().optional(),
  claimedAmount: PositiveMoneySchema,
  indemnityRatioPercent: PercentSchema.optional(),
  indemnityAmount: MoneySchema.optional(),
  invoiceNos: z.array(RefNo).min(1, 'a claim names the unpaid invoices'),
  blNos: z.array(RefNo).optional(),
  customsDeclarationNos: z.array(RefNo).optional(),
  contractNo: z.string().optional(),
  documents: z.array(DocumentReferenceSchema).optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const CreditLimitDocument = defineDocument({
  name: 'CreditLimit',
  version: '1',
  schema: CreditLimitSchema,
  defaultEventType: 'insurance.credit-limit.decided',
  refs: (l) => collectRefs({ policyNo: l.policyNo }),
});

export const InsuranceShipmentDeclarationDocument = defineDocument({
  name: 'InsuranceShipmentDeclaration',
  version: '1',
  schema: InsuranceShipmentDeclarationSchema,
  defaultEventType: 'insurance.shipment.declared',
  refs: (d) =>
    collectRefs({
      policyNo: d.policyNo,
      invoiceNo: d.invoiceNo,
      blNo: d.blNo,
      declarationNo: d.customsDeclarationNo,
      contractNo: d.contractNo,
      orderNo: d.orderNo,
    }),
});

export const ClaimDocument = defineDocument({
  name: 'Claim',
  version: '1',
  schema: ClaimSchema,
  defaultEventType: 'insurance.claim.filed',
  refs: (c) =>
    collectRefs({
      claimNo: c.claimNo,
      policyNo: c.policyNo,
      invoiceNo: c.invoiceNos,
      blNo: c.blNos,
      declarationNo: c.customsDeclarationNos,
      contractNo: c.contractNo,
    }),
});
