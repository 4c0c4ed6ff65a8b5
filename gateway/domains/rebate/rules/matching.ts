import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';

/** A goods line of an export declaration as the rebate needs it (statutory first unit). */
export interface DeclarationGoodsLine {
  declarationNo: string;
  lineNo: number;
  exportDate: string;
  hsCode: string;
  productName: string;
  /** Quantity in the statutory first unit (法定第一单位), e.g. 035 kg or 007 pieces. */
  quantity: string;
  unit: string;
}

/** A purchase VAT invoice line, with the HS code and statutory quantity the trader assigned. */
export interface VatInvoiceLine {
  invoiceNo: string;
  lineNo: number;
  hsCode: string;
  productName: string;
  quantity: string;
  unit: string;
  /** Amount excluding VAT, CNY. */
  amount: Money;
}

export interface Allocation {
  invoiceNo: string;
  invoiceLineNo: number;
  quantity: string;
  /** The share of the invoice line's amount excluding VAT that the quantity carries. */
  amount: Money;
}

export interface LineMatch {
  line: DeclarationGoodsLine;
  status: 'MATCHED' | 'PARTIAL' | 'UNMATCHED';
  matchedQuantity: string;
  allocations: Allocation[];
}

const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** Same HS code, same statutory unit, and product names that agree (one contains the other). */
function fits(d: DeclarationGoodsLine, v: VatInvoiceLine): boolean {
  const [a, b] = [norm(d.productName), norm(v.productName)];
  return d.hsCode === v.hsCode && d.unit === v.unit && (a.includes(b) || b.includes(a));
}

const key = (v: VatInvoiceLine) => `${v.invoiceNo}#${v.lineNo}`;

/**
 * Allocates invoice quantities to declaration lines in order, first invoice first, so one line
 * may draw on several invoices (1:n) and one invoice serve several lines (n:1). The remaining
 * quantities carry over to later declarations.
 */
export function matchLines(
  lines: readonly DeclarationGoodsLine[],
  invoices: readonly VatInvoiceLine[],
  remaining: Map<string, Decimal> = new Map(invoices.map((v) => [key(v), new Decimal(v.quantity)])),
): LineMatch[] {
  return lines.map((line) => {
    let open = new Decimal(line.quantity);
    const allocations: Allocation[] = [];
    for (const v of invoices.filter((x) => fits(line, x))) {
      const left = remaining.get(key(v)) ?? new Decimal(0);
      const take = Decimal.min(open, left);
      if (take.lte(0)) continue;
      remaining.set(key(v), left.minus(take));
      open = open.minus(take);
      const amount = new Decimal(v.amount.amount)
        .times(take)
        .div(v.quantity)
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      allocations.push({
        invoiceNo: v.invoiceNo,
        invoiceLineNo: v.lineNo,
        quantity: take.toFixed(),
        amount: { amount: amount.toFixed(2), currency: v.amount.currency },
      });
      if (open.lte(0)) break;
    }
    const matched = new Decimal(line.quantity).minus(open);
    const status = open.lte(0) ? 'MATCHED' : matched.gt(0) ? 'PARTIAL' : 'UNMATCHED';
    return { line, status, matchedQuantity: matched.toFixed(), allocations };
  });
}
