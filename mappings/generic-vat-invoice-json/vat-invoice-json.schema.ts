import { z } from 'zod';

const decimal = z.string().regex(/^\d+(\.\d{1,2})?$/, 'must be a decimal string like "12.50"');

/**
 * TradeHub's VAT invoice JSON: one purchase VAT invoice (增值税专用发票, paper or fully digital)
 * as a factory's or trader's invoicing system exports it, flat so a spreadsheet can produce it.
 * Amounts are CNY decimal strings; documented in gateway/domains/rebate/README.md.
 */
export const VatInvoiceJsonSchema = z.object({
  vatInvoiceNo: z.string().min(1),
  invoiceCode: z.string().optional(),
  kind: z.enum(['SPECIAL', 'DIGITAL_SPECIAL', 'AGENCY_REBATE_SPECIAL']).default('DIGITAL_SPECIAL'),
  issueDate: z.string().min(1),
  seller: z.object({ name: z.string().min(1), uscc: z.string().min(1) }),
  buyer: z.object({ name: z.string().min(1), uscc: z.string().min(1) }),
  items: z
    .array(
      z.object({
        description: z.string().min(1),
        taxCode: z.string().optional(),
        specification: z.string().optional(),
        unit: z.string().optional(),
        quantity: z
          .string()
          .regex(/^\d+(\.\d+)?$/, 'must be a decimal string')
          .optional(),
        unitPrice: z
          .string()
          .regex(/^\d+(\.\d+)?$/, 'must be a decimal string')
          .optional(),
        amount: decimal,
        taxRate: z.string().regex(/^\d+(\.\d+)?$/, 'a percent like "13"'),
        tax: decimal,
      }),
    )
    .min(1),
  totalAmount: decimal,
  totalTax: decimal,
  totalWithTax: decimal,
});
export type VatInvoiceJson = z.infer<typeof VatInvoiceJsonSchema>;
