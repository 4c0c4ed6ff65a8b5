import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { PercentSchema } from '../values/decimal.schema';
import { MoneySchema, PositiveMoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';
import { DocumentReferenceSchema, RefNo } from './common.schema';

/** Trade-finance products of primer §7. */
export const FinancingProductSchema = z.enum([
  'PACKING_LOAN',
  'EXPORT_NEGOTIATION',
  'DISCOUNTING',
  'FORFAITING',
  'FACTORING',
  'INSURED_RECEIVABLE',
  'SUPPLY_CHAIN',
  'REBATE_FINANCING',
]);

/** The trade a financing rests on ("genuine trade background"). */
export const UnderlyingTradeSchema = z.strictObject({
  lcNo: z.string().optional(),
  contractNo: z.string().optional(),
  orderNos: z.array(RefNo).optional(),
  invoiceNos: z.array(RefNo).optional(),
  declarationNos: z.array(RefNo).optional(),
  blNos: z.array(RefNo).optional(),
  policyNo: z.string().optional(),
  rebateClaimNo: z.string().optional(),
});

const underlyingRefs = (u: z.infer<typeof UnderlyingTradeSchema>) => ({
  lcNo: u.lcNo,
  contractNo: u.contractNo,
  orderNo: u.orderNos,
  invoiceNo: u.invoiceNos,
  declarationNo: u.declarationNos,
  blNo: u.blNos,
  policyNo: u.policyNo,
  rebateClaimNo: u.rebateClaimNo,
});

export const FinancingRequestSchema = z.strictObject({
  financingNo: RefNo,
  product: FinancingProductSchema,
  applicant: PartySchema,
  financier: PartySchema.optional(),
  requestedAt: DateTimeSchema,
  requestedAmount: PositiveMoneySchema,
  /** The receivable or document value the request is sized on. */
  basisAmount: PositiveMoneySchema.optional(),
  tenorDays: z.number().int().positive().optional(),
  /** With recourse (negotiation, factoring) or without (forfaiting). */
  withRecourse: z.boolean().optional(),
  underlying: UnderlyingTradeSchema,
  documents: z.array(DocumentReferenceSchema).optional(),
  remarks: z.string().optional(),
});
export type FinancingRequest = z.infer<typeof FinancingRequestSchema>;

export const FinancingDecisionSchema = z
  .strictObject({
    financingNo: RefNo,
    decision: z.enum(['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'CANCELLED']),
    decidedAt: DateTimeSchema,
    financier: PartySchema.optional(),
    approvedAmount: PositiveMoneySchema.optional(),
    advanceRatePercent: PercentSchema.optional(),
    annualRatePercent: PercentSchema.optional(),
    /** Interest day count: 360 for most currencies, 365 for CNY. */
    dayCountBasis: z.union([z.literal(360), z.literal(365)]).optional(),
    feePercent: PercentSchema.optional(),
    tenorDays: z.number().int().positive().optional(),
    maturityDate: DateSchema.optional(),
    disbursedAmount: MoneySchema.optional(),
    disbursementDate: DateSchema.optional(),
    conditions: z.array(z.string()).optional(),
    reason: z.string().optional(),
    underlying: UnderlyingTradeSchema.optional(),
  })
  .refine((d) => !['APPROVED', 'PARTIALLY_APPROVED'].includes(d.decision) || d.approvedAmount, {
    error: 'an approval states approvedAmount',
    path: ['approvedAmount'],
  });
export type FinancingDecision = z.infer<typeof FinancingDecisionSchema>;

export const FinancingRequestDocument = defineDocument({
  name: 'FinancingRequest',
  version: '1',
  schema: FinancingRequestSchema,
  defaultEventType: 'financing.request.submitted',
  refs: (r) => collectRefs({ financingNo: r.financingNo, ...underlyingRefs(r.underlying) }),
});

export const FinancingDecisionDocument = defineDocument({
  name: 'FinancingDecision',
  version: '1',
  schema: FinancingDecisionSchema,
  defaultEventType: 'financing.request.decided',
  refs: (d) =>
    collectRefs({ financingNo: d.financingNo, ...(d.underlying && underlyingRefs(d.underlying)) }),
});
