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

/** One premium rate of a policy: by buyer country ("*" for any other) and credit term. */
export const PolicyRateSchema = z.strictObject({
  buyerCountry: z.union([CountryCodeSchema, z.literal('*')]),
  paymentTerm: InsuredPaymentTermSchema,
  /** The rate applies to credit periods up to this many days. */
  maxCreditDays: creditDays,
  ratePercent: PercentSchema,
});

/** A Sinosure short-term comprehensive policy (综合险保单): its rates, period and liability cap. */
export const InsurancePolicySchema = z
  .strictObject({
    policyNo: RefNo,
    insurer: PartySchema,
    insured: PartySchema,
    product: z.enum(['SHORT_TERM_COMPREHENSIVE', 'SHORT_TERM_SINGLE_BUYER', 'OTHER']),
    status: z.enum(['ACTIVE', 'SUSPENDED', 'EXPIRED', 'CANCELLED']),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    /** The insurer's total liability in the policy year (最高赔偿限额). */
    maximumLiability: PositiveMoneySchema,
    rates: z.array(PolicyRateSchema).min(1, 'a policy states at least one premium rate'),
    /** Commercial risk, typically 90% (primer §9). */
    commercialIndemnityPercent: PercentSchema,
    politicalIndemnityPercent: PercentSchema.optional(),
    /** Working days after on board to declare a shipment (出运申报); 5 by one source. */
    declarationWorkingDays: z.number().int().positive().optional(),
    /** Days past due by which a notice of possible loss must be filed. */
    possibleLossNoticeDays: z.number().int().positive().optional(),
  })
  .refine((p) => p.periodStart <= p.periodEnd, {
    error: 'the policy period ends after it starts',
    path: ['periodEnd'],
  });
export type InsurancePolicy = z.infer<typeof InsurancePolicySchema>;

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

export const InsurancePolicyDocument = defineDocument({
  name: 'InsurancePolicy',
  version: '1',
  schema: InsurancePolicySchema,
  defaultEventType: 'insurance.policy.issued',
  refs: (p) => collectRefs({ policyNo: p.policyNo }),
});

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
