import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema } from '../values/datetime.schema';
import { MoneySchema, PositiveMoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';

const text = z.string().min(1);
const shipmentPermission = z.enum(['ALLOWED', 'CONDITIONAL', 'NOT_ALLOWED']);

/** MT700 39A: percentage credit amount tolerance "10/10". */
export const ToleranceSchema = z.strictObject({
  plusPercent: z.number().int().min(0).max(99),
  minusPercent: z.number().int().min(0).max(99),
});

/** The fields an MT707 may change; shared by LetterOfCredit and LcAmendment. */
const terms = {
  /** 40A, e.g. IRREVOCABLE, IRREVOCABLE TRANSFERABLE. */
  formOfCredit: text,
  /** 40E, e.g. UCP LATEST VERSION. */
  applicableRules: text,
  /** 31D. */
  expiryDate: DateSchema,
  expiryPlace: text,
  applicant: PartySchema,
  beneficiary: PartySchema,
  /** 32B. */
  amount: PositiveMoneySchema,
  tolerance: ToleranceSchema.optional(),
  /** 39C. */
  additionalAmounts: z.string().optional(),
  /** 41a: bank with which the credit is available ("ANY BANK" allowed). */
  availableWith: text,
  availableBy: z.enum(['PAYMENT', 'ACCEPTANCE', 'NEGOTIATION', 'DEF_PAYMENT', 'MIXED_PAYMENT']),
  /** 42C / 42a / 42M / 42P. */
  draftsAt: z.string().optional(),
  drawee: z.string().optional(),
  mixedPaymentDetails: z.string().optional(),
  deferredPaymentDetails: z.string().optional(),
  /** 43P / 43T: UCP 600 Art. 31 allows partials when silent. */
  partialShipments: shipmentPermission.optional(),
  transhipment: shipmentPermission.optional(),
  /** 44A / 44E / 44F / 44B: places as written in the credit (not always UN/LOCODE). */
  placeOfReceipt: z.string().optional(),
  portOfLoading: z.string().optional(),
  portOfDischarge: z.string().optional(),
  finalDestination: z.string().optional(),
  /** 44C / 44D. */
  latestShipmentDate: DateSchema.optional(),
  shipmentPeriod: z.string().optional(),
  /** 71D. */
  charges: z.string().optional(),
  /** 48: days after shipment for presentation (UCP 600 Art. 14(c): 21 when absent). */
  presentationPeriodDays: z.number().int().positive().optional(),
  presentationPeriodNarrative: z.string().optional(),
  /** 49. */
  confirmation: z.enum(['CONFIRM', 'MAY_ADD', 'WITHOUT']),
  confirmingBank: PartySchema.optional(),
  reimbursingBank: PartySchema.optional(),
  adviseThroughBank: PartySchema.optional(),
  /** 49G / 49H. */
  specialPaymentConditionsBeneficiary: z.string().optional(),
  specialPaymentConditionsBank: z.string().optional(),
  /** 78 / 72Z. */
  instructionsToBank: z.string().optional(),
  senderToReceiverInfo: z.string().optional(),
};

/** Documentary credit as issued (MT700, with its MT701 continuations merged). */
export const LetterOfCreditSchema = z.strictObject({
  /** 20: documentary credit number (16x). */
  lcNo: z.string().min(1).max(16),
  /** 23: pre-advice reference. */
  preAdviceRef: z.string().optional(),
  /** 31C. */
  issueDate: DateSchema,
  issuingBank: PartySchema,
  /** 51a. */
  applicantBank: PartySchema.optional(),
  advisingBank: PartySchema.optional(),
  ...terms,
  /** 45A. */
  goodsDescription: text,
  /** 46A, one entry per document. */
  documentsRequired: z.array(text).min(1, 'a documentary credit requires documents (46A)'),
  /** 47A. */
  additionalConditions: z.array(text).optional(),
  /** Sales contract the credit refers to, when the goods description names it. */
  contractNo: z.string().optional(),
});
export type LetterOfCredit = z.infer<typeof LetterOfCreditSchema>;

/** MT707 45B/46B/47B line: /ADD/, /DELETE/ or /REPALL/ (replace all) with its text. */
export const NarrativeChangeSchema = z.strictObject({
  action: z.enum(['ADD', 'DELETE', 'REPLACE_ALL']),
  text,
});

/** Amendment to a documentary credit (MT707); only the fields that change are present. */
export const LcAmendmentSchema = z.strictObject({
  lcNo: z.string().min(1).max(16),
  /** 21: receiver's reference. */
  receiverRef: z.string().optional(),
  /** 26E and 30. */
  amendmentNo: z.number().int().positive(),
  amendmentDate: DateSchema,
  /** 31C: date of the original issue. */
  issueDate: DateSchema.optional(),
  issuingBank: PartySchema.optional(),
  /** 22A purpose, e.g. ISSU (issuing bank's amendment). */
  purpose: z.string().optional(),
  /** 23S: request to cancel the credit. */
  cancellationRequest: z.boolean().optional(),
  changes: z.strictObject({
    ...z.strictObject(terms).partial().shape,
    /** 32B increase / 33B decrease of the credit amount. */
    amountIncrease: PositiveMoneySchema.optional(),
    amountDecrease: PositiveMoneySchema.optional(),
    goodsDescription: z.array(NarrativeChangeSchema).optional(),
    documentsRequired: z.array(NarrativeChangeSchema).optional(),
    additionalConditions: z.array(NarrativeChangeSchema).optional(),
  }),
  /** Beneficiary consent, UCP 600 Art. 10: an amendment binds only once accepted. */
  beneficiaryConsent: z.enum(['PENDING', 'ACCEPTED', 'REJECTED']).optional(),
  /** Amount after the amendment, when the bank states it. */
  newAmount: MoneySchema.optional(),
});
export type LcAmendment = z.infer<typeof LcAmendmentSchema>;

export const LetterOfCreditDocument = defineDocument({
  name: 'LetterOfCredit',
  version: '1',
  schema: LetterOfCreditSchema,
  defaultEventType: 'settlement.lc.issued',
  refs: (lc) => collectRefs({ lcNo: lc.lcNo, contractNo: lc.contractNo }),
});

export const LcAmendmentDocument = defineDocument({
  name: 'LcAmendment',
  version: '1',
  schema: LcAmendmentSchema,
  defaultEventType: 'settlement.lc.amended',
  refs: (a) => collectRefs({ lcNo: a.lcNo }),
});
