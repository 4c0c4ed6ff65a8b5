import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { NonNegativeDecimalSchema, PercentSchema } from '../values/decimal.schema';
import { ChinaHsCodeSchema } from '../values/hs-code';
import { MoneySchema } from '../values/money.schema';
import { PartySchema, partyId } from '../values/party.schema';
import { RefNo, sameCurrencyCheck } from './common.schema';
import { CustomsQuantitySchema } from './customs-declaration.schema';

const withUscc = PartySchema.refine((p) => Boolean(partyId(p, 'USCC')), {
  error: 'a Chinese taxpayer is identified by its USCC',
  path: ['identifiers'],
});

/** A purchase VAT invoice, or the special invoice a manufacturer issues for agency rebates. */
export const VatInvoiceSchema = z
  .strictObject({
    /** 8-digit number with a 10/12-digit code, or the 20-digit fully digital (全电) number. */
    invoiceNo: z.string().regex(/^\d{8}$|^\d{20}$/, 'VAT invoice number has 8 or 20 digits'),
    invoiceCode: z
      .string()
      .regex(/^\d{10}$|^\d{12}$/, 'invoice code has 10 or 12 digits')
      .optional(),
    kind: z.enum(['SPECIAL', 'DIGITAL_SPECIAL', 'AGENCY_REBATE_SPECIAL']),
    issueDate: DateSchema,
    seller: withUscc,
    buyer: withUscc,
    lines: z
      .array(
        z.strictObject({
          lineNo: z.number().int().positive(),
          description: z.string().min(1),
          /** 19-digit tax classification code (税收分类编码). */
          taxClassificationCode: z
            .string()
            .regex(/^\d{19}$/)
            .optional(),
          specification: z.string().optional(),
          /** Unit as printed (台, 个, 千克). */
          unit: z.string().optional(),
          quantity: NonNegativeDecimalSchema.optional(),
          unitPrice: NonNegativeDecimalSchema.optional(),
          amount: MoneySchema,
          taxRatePercent: PercentSchema,
          taxAmount: MoneySchema,
        }),
      )
      .min(1),
    totalAmount: MoneySchema,
    totalTax: MoneySchema,
    totalWithTax: MoneySchema,
  })
  // VAT invoices are always in CNY.
  .superRefine((v, ctx) =>
    sameCurrencyCheck(ctx, 'CNY', [
      [['totalAmount'], v.totalAmount],
      [['totalTax'], v.totalTax],
      [['totalWithTax'], v.totalWithTax],
      ...v.lines.flatMap((l, i): Array<[Array<string | number>, { currency: string }]> => [
        [['lines', i, 'amount'], l.amount],
        [['lines', i, 'taxAmount'], l.taxAmount],
      ]),
    ]),
  );
export type VatInvoice = z.infer<typeof VatInvoiceSchema>;

/** One export declaration line claimed, matched to purchase invoices (primer §8). */
export const RebateLineSchema = z.strictObject({
  declarationNo: RefNo,
  declarationLineNo: z.number().int().positive(),
  exportDate: DateSchema,
  hsCode: ChinaHsCodeSchema,
  statutoryQuantity: CustomsQuantitySchema,
  fobValue: MoneySchema,
  fobValueCny: MoneySchema,
  vatInvoiceNos: z.array(z.string().min(1)).optional(),
  refundRatePercent: PercentSchema,
  refundAmount: MoneySchema,
});

/** An export VAT rebate filing (免退 trader, 免抵退 manufacturer, 代办 agency). */
export const RebateClaimSchema = z.strictObject({
  claimNo: RefNo,
  model: z.enum(['TRADER', 'MANUFACTURER', 'AGENCY']),
  claimant: withUscc,
  /** Agency model: the manufacturer on whose behalf the 综服 firm files. */
  manufacturer: withUscc.optional(),
  /** Tax period YYYYMM. */
  period: z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, 'tax period is YYYYMM'),
  status: z.enum(['DRAFT', 'FILED', 'ACCEPTED', 'APPROVED', 'PAID', 'REJECTED']),
  filedAt: DateTimeSchema.optional(),
  lines: z.array(RebateLineSchema).min(1, 'a rebate claim has at least one declaration line'),
  totalRefund: MoneySchema,
  remarks: z.string().optional(),
});
export type RebateClaim = z.infer<typeof RebateClaimSchema>;

export const VatInvoiceDocument = defineDocument({
  name: 'VatInvoice',
  version: '1',
  schema: VatInvoiceSchema,
  defaultEventType: 'rebate.vat-invoice.received',
  refs: (v) => collectRefs({ invoiceNo: v.invoiceNo }),
});

export const RebateClaimDocument = defineDocument({
  name: 'RebateClaim',
  version: '1',
  schema: RebateClaimSchema,
  defaultEventType: 'rebate.claim.filed',
  refs: (c) =>
    collectRefs({
      rebateClaimNo: c.claimNo,
      declarationNo: c.lines.map((l) => l.declarationNo),
      invoiceNo: c.lines.flatMap((l) => l.vatInvoiceNos ?? []),
    }),
});

/**
 * A declaration's rebate claim with every piece in place (released, closed, VAT invoice
 * matched, FX collected, documents filed): it can be filed, and financed in advance.
 */
export const RebateClaimReadySchema = z.strictObject({
  claimNo: RefNo,
  declarationNos: z.array(RefNo).min(1),
  readyAt: DateTimeSchema,
  /** What the tax bureau is expected to refund (trader method, from the matched VAT invoices). */
  expectedRefund: MoneySchema,
  /** Primer §8: declare by April 30 of the year after export. */
  deadline: DateSchema,
});
export type RebateClaimReady = z.infer<typeof RebateClaimReadySchema>;

/** The tax bureau's refund of a claim as it arrived (operator entry or file import). */
export const RebateRefundSchema = z.strictObject({
  claimNo: RefNo,
  declarationNos: z.array(RefNo).optional(),
  refundAmount: MoneySchema,
  refundDate: DateSchema,
  /** The bureau's or the bank credit's reference, when known. */
  reference: z.string().min(1).optional(),
});
export type RebateRefund = z.infer<typeof RebateRefundSchema>;

export const RebateClaimReadyDocument = defineDocument({
  name: 'RebateClaimReady',
  version: '1',
  schema: RebateClaimReadySchema,
  defaultEventType: 'rebate.claim.ready',
  refs: (c) => collectRefs({ rebateClaimNo: c.claimNo, declarationNo: c.declarationNos }),
});

export const RebateRefundDocument = defineDocument({
  name: 'RebateRefund',
  version: '1',
  schema: RebateRefundSchema,
  defaultEventType: 'rebate.refund.received',
  refs: (r) => collectRefs({ rebateClaimNo: r.claimNo, declarationNo: r.declarationNos }),
});
