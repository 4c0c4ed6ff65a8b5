import Decimal from 'decimal.js';
import { TradeError } from '../../core/errors/trade-error';
import type { VatInvoice } from '../../core/model/documents/rebate.schema';
import type {
  DecodedMessage,
  InboundMapping,
  MappingResult,
} from '../../core/translation/contract';
import { VatInvoiceJsonSchema, type VatInvoiceJson } from './vat-invoice-json.schema';

export const VAT_INVOICE_JSON_TYPE = 'generic.vat-invoice';

const cny = (amount: string) => ({ amount: new Decimal(amount).toFixed(2), currency: 'CNY' });
const party = (p: { name: string; uscc: string }) => ({
  name: p.name,
  identifiers: [{ scheme: 'USCC' as const, value: p.uscc }],
});

function refuse(pointer: string, message: string): never {
  throw new TradeError('mapping', `VAT invoice JSON ${pointer}: ${message}`, {
    stage: 'map',
    location: { pointer },
  });
}

/**
 * A VAT invoice whose lines do not add up to its totals was mistyped or cut: refused at the
 * total that disagrees, since the rebate is computed from the line amounts.
 */
function checkTotals(src: VatInvoiceJson): void {
  const sum = (pick: (i: VatInvoiceJson['items'][number]) => string) =>
    src.items.reduce((s, i) => s.plus(pick(i)), new Decimal(0));
  if (!sum((i) => i.amount).eq(src.totalAmount))
    refuse('/totalAmount', `the items add up to ${sum((i) => i.amount).toFixed(2)}`);
  if (!sum((i) => i.tax).eq(src.totalTax))
    refuse('/totalTax', `the items' tax adds up to ${sum((i) => i.tax).toFixed(2)}`);
  if (!new Decimal(src.totalAmount).plus(src.totalTax).eq(src.totalWithTax))
    refuse('/totalWithTax', 'is not totalAmount + totalTax');
}

/** TradeHub VAT invoice JSON -> canonical VatInvoice (`rebate.vat-invoice.received`). */
export const vatInvoiceJsonMapping: InboundMapping = {
  id: 'generic-vat-invoice-json',
  format: 'json',
  messageTypes: [VAT_INVOICE_JSON_TYPE],
  toCanonical(message: DecodedMessage): MappingResult {
    const parsed = VatInvoiceJsonSchema.safeParse(message.tree);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refuse(issue.path.map((p) => `/${String(p)}`).join('') || '/', issue.message);
    }
    checkTotals(parsed.data);
    const invoice = toVatInvoice(parsed.data);
    return {
      documents: [
        {
          documentType: 'VatInvoice',
          eventType: 'rebate.vat-invoice.received',
          payload: invoice,
          occurredAt: `${invoice.issueDate}T00:00:00+08:00`,
        },
      ],
      warnings: [],
    };
  },
};

function toVatInvoice(src: VatInvoiceJson): VatInvoice {
  return {
    invoiceNo: src.vatInvoiceNo,
    invoiceCode: src.invoiceCode,
    kind: src.kind,
    issueDate: src.issueDate,
    seller: party(src.seller),
    buyer: party(src.buyer),
    lines: src.items.map((i, n) => ({
      lineNo: n + 1,
      description: i.description,
      taxClassificationCode: i.taxCode,
      specification: i.specification,
      unit: i.unit,
      quantity: i.quantity,
      unitPrice: i.unitPrice,
      amount: cny(i.amount),
      taxRatePercent: i.taxRate,
      taxAmount: cny(i.tax),
    })),
    totalAmount: cny(src.totalAmount),
    totalTax: cny(src.totalTax),
    totalWithTax: cny(src.totalWithTax),
  };
}
