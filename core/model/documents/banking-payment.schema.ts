import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { DecimalStringSchema } from '../values/decimal.schema';
import { BicSchema } from '../values/iban';
import { MoneySchema, PositiveMoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';
import { RefNo } from './common.schema';
import {
  AccountSchema,
  CreditDebitSchema,
  EndToEndIdSchema,
  UetrSchema,
} from './banking-common.schema';

/** camt.053 balance types (OPBD, CLBD, ITBD, PRCD, CLAV, FWAV) and MT940 60F/60M/62F/62M/64/65. */
export const BalanceTypeSchema = z.enum([
  'OPENING',
  'INTERIM_OPENING',
  'CLOSING',
  'INTERIM_CLOSING',
  'CLOSING_AVAILABLE',
  'FORWARD_AVAILABLE',
]);

export const StatementBalanceSchema = z.strictObject({
  type: BalanceTypeSchema,
  creditDebit: CreditDebitSchema,
  amount: PositiveMoneySchema,
  date: DateSchema,
});

/** One booked line: MT940 :61:+:86:, camt.053 Ntry. */
export const StatementEntrySchema = z.strictObject({
  /** camt NtryRef, or the MT940 line number within the statement. */
  entryRef: z.string().optional(),
  valueDate: DateSchema,
  bookingDate: DateSchema.optional(),
  creditDebit: CreditDebitSchema,
  /** MT940 RC/RD, camt RvslInd. */
  reversal: z.boolean().optional(),
  status: z.enum(['BOOKED', 'PENDING', 'INFO']).optional(),
  amount: PositiveMoneySchema,
  /** MT940 type + code (NTRF, S103) or camt BkTxCd. */
  transactionCode: z.string().optional(),
  /** MT940 account-owner reference (NONREF when none). */
  accountOwnerRef: z.string().optional(),
  /** MT940 // servicing-institution reference, camt AcctSvcrRef. */
  bankRef: z.string().optional(),
  endToEndId: EndToEndIdSchema.optional(),
  uetr: UetrSchema.optional(),
  counterparty: z
    .strictObject({ name: z.string().optional(), account: AccountSchema.optional() })
    .optional(),
  remittanceInfo: z.string().optional(),
  supplementaryDetails: z.string().optional(),
});
export type StatementEntry = z.infer<typeof StatementEntrySchema>;

/** Account statement: MT940 / MT950 / camt.053 (also intraday camt.052). */
export const BankStatementSchema = z
  .strictObject({
    /** MT940 :20: / camt Stmt Id. */
    statementId: z.string().min(1),
    /** MT940 :28C: / camt ElctrncSeqNb. */
    sequenceNo: z.string().optional(),
    account: AccountSchema,
    createdAt: DateTimeSchema.optional(),
    fromDate: DateSchema.optional(),
    toDate: DateSchema.optional(),
    /** MT942 / camt.052: an intraday report, which may carry no balances. */
    intraday: z.boolean().optional(),
    balances: z.array(StatementBalanceSchema),
    entries: z.array(StatementEntrySchema),
    /** Closing minus (opening + booked entries), set when the bank's balances do not add up. */
    balanceDifference: MoneySchema.optional(),
  })
  .refine((s) => s.intraday === true || s.balances.length > 0, {
    error: 'a statement carries balances',
    path: ['balances'],
  });
export type BankStatement = z.infer<typeof BankStatementSchema>;

/** Money that reached one of our accounts (camt.054 credit, a statement line, a platform payout). */
export const PaymentReceivedSchema = z.strictObject({
  /** The bank's reference for the credit. */
  paymentRef: RefNo,
  valueDate: DateSchema,
  receivedAt: DateTimeSchema.optional(),
  amount: PositiveMoneySchema,
  /** Charges deducted on the way (the remitted amount was amount + charges). */
  charges: MoneySchema.optional(),
  /** What the payer instructed (camt InstdAmt, MT103 33B), before conversion and charges. */
  instructedAmount: PositiveMoneySchema.optional(),
  /** Rate the bank converted the instructed amount at (camt CcyXchg, MT103 36). */
  exchangeRate: DecimalStringSchema.optional(),
  account: AccountSchema,
  payer: PartySchema.optional(),
  payerAccount: AccountSchema.optional(),
  payerBankBic: BicSchema.optional(),
  endToEndId: EndToEndIdSchema.optional(),
  uetr: UetrSchema.optional(),
  remittanceInfo: z.string().optional(),
  channel: z.enum(['SWIFT', 'CIPS', 'DOMESTIC', 'PLATFORM', 'OTHER']).optional(),
  invoiceNos: z.array(RefNo).optional(),
  orderNos: z.array(RefNo).optional(),
  lcNo: z.string().optional(),
  contractNo: z.string().optional(),
});
export type PaymentReceived = z.infer<typeof PaymentReceivedSchema>;

/** One credit transfer of a pain.001 payment block (CdtTrfTxInf). */
export const CreditTransferSchema = z.strictObject({
  instructionId: z.string().max(35).optional(),
  endToEndId: EndToEndIdSchema,
  uetr: UetrSchema.optional(),
  amount: PositiveMoneySchema,
  creditor: PartySchema,
  creditorAccount: AccountSchema,
  creditorAgentBic: BicSchema.optional(),
  /** ISO 20022 external purpose code, e.g. GDDS (purchase of goods). */
  purposeCode: z
    .string()
    .regex(/^[A-Z]{4}$/, 'purpose code has 4 capitals')
    .optional(),
  regulatoryReporting: z.array(z.string()).optional(),
  remittanceInfo: z.string().max(140).optional(),
  invoiceNos: z.array(RefNo).optional(),
});

/** Customer credit transfer initiation (pain.001 GrpHdr + one PmtInf). */
export const PaymentInstructionSchema = z.strictObject({
  messageId: z.string().min(1).max(35),
  createdAt: DateTimeSchema,
  initiatingParty: PartySchema,
  paymentInfoId: z.string().min(1).max(35),
  method: z.literal('TRF'),
  requestedExecutionDate: DateSchema,
  debtor: PartySchema,
  debtorAccount: AccountSchema,
  debtorAgentBic: BicSchema.optional(),
  chargeBearer: z.enum(['DEBT', 'CRED', 'SHAR', 'SLEV']).optional(),
  /** GrpHdr CtrlSum: the plain sum of all amounts, as a decimal string. */
  controlSum: DecimalStringSchema.optional(),
  transactions: z.array(CreditTransferSchema).min(1, 'a payment instruction has a transaction'),
});
export type PaymentInstruction = z.infer<typeof PaymentInstructionSchema>;

const ownRef = (ref?: string) => (ref && ref.toUpperCase() !== 'NONREF' ? ref : undefined);

export const BankStatementDocument = defineDocument({
  name: 'BankStatement',
  version: '1',
  schema: BankStatementSchema,
  defaultEventType: 'settlement.statement.received',
  refs: (s) =>
    collectRefs({
      paymentRef: s.entries.flatMap((e) => [e.endToEndId, ownRef(e.accountOwnerRef)]),
    }),
});

export const PaymentReceivedDocument = defineDocument({
  name: 'PaymentReceived',
  version: '1',
  schema: PaymentReceivedSchema,
  defaultEventType: 'settlement.payment.received',
  refs: (p) =>
    collectRefs({
      paymentRef: [p.paymentRef, p.endToEndId],
      invoiceNo: p.invoiceNos,
      orderNo: p.orderNos,
      lcNo: p.lcNo,
      contractNo: p.contractNo,
    }),
});

export const PaymentInstructionDocument = defineDocument({
  name: 'PaymentInstruction',
  version: '1',
  schema: PaymentInstructionSchema,
  defaultEventType: 'settlement.payment.instructed',
  refs: (p) =>
    collectRefs({
      paymentRef: p.transactions.map((t) => t.endToEndId),
      invoiceNo: p.transactions.flatMap((t) => t.invoiceNos ?? []),
    }),
});

/** ISO 20022 status reason: ExternalStatusReason1Code (AC01, AM04 ...) or proprietary. */
export const StatusReasonSchema = z.strictObject({
  code: z.string().optional(),
  text: z.string().optional(),
});

/** Outcome a status code stands for; the code itself (ACSC, RJCT ...) is kept beside it. */
export const PaymentOutcomeSchema = z.enum([
  'ACCEPTED',
  'SETTLED',
  'PENDING',
  'PARTIAL',
  'REJECTED',
]);

const statusOf = {
  /** ExternalPaymentTransactionStatus1Code / ExternalPaymentGroupStatus1Code as sent. */
  statusCode: z.string().min(1).optional(),
  outcome: PaymentOutcomeSchema.optional(),
  reasons: z.array(StatusReasonSchema).optional(),
};

/** The bank's answer to a payment instruction (pain.002 customer payment status report). */
export const PaymentStatusReportSchema = z.strictObject({
  messageId: z.string().min(1),
  createdAt: DateTimeSchema.optional(),
  /** The pain.001 MsgId this report answers. */
  originalMessageId: z.string().min(1),
  originalMessageType: z.string().optional(),
  ...statusOf,
  payments: z.array(
    z.strictObject({
      paymentInfoId: z.string().min(1),
      ...statusOf,
      transactions: z.array(
        z.strictObject({
          endToEndId: EndToEndIdSchema.optional(),
          instructionId: z.string().optional(),
          uetr: UetrSchema.optional(),
          amount: PositiveMoneySchema.optional(),
          ...statusOf,
        }),
      ),
    }),
  ),
});
export type PaymentStatusReport = z.infer<typeof PaymentStatusReportSchema>;

export const PaymentStatusReportDocument = defineDocument({
  name: 'PaymentStatusReport',
  version: '1',
  schema: PaymentStatusReportSchema,
  defaultEventType: 'settlement.payment.status',
  refs: (r) =>
    collectRefs({
      paymentRef: r.payments.flatMap((p) => p.transactions.map((t) => t.endToEndId)),
    }),
});
