import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';

/** A line of Sinosure's monthly premium bill (connector README: GET /v1/premium-bills). */
export interface BilledLine {
  declarationRef: string;
  invoiceNo: string;
  premium: Money;
}

/** A shipment declaration sent in the period, with the premium the platform computed. */
export interface DeclaredPremium {
  invoiceNo: string;
  declarationRef?: string;
  premium?: Money;
}

export type LineStatus = 'MATCHED' | 'DIFFERENT' | 'NOT_DECLARED' | 'NOT_BILLED';

export interface ReconciledLine {
  invoiceNo: string;
  declarationRef?: string;
  billed?: Money;
  computed?: Money;
  /** billed - computed, in the bill's currency (a missing side counts as zero). */
  difference: Money;
  status: LineStatus;
}

export interface Reconciliation {
  lines: ReconciledLine[];
  billedTotal: Money;
  computedTotal: Money;
  difference: Money;
  /** True when any line differs, is missing on either side, or the bill's total is off. */
  flagged: boolean;
}

const money = (d: Decimal, currency: string): Money => ({ amount: d.toFixed(2), currency });
const amountIn = (m: Money | undefined, currency: string) =>
  m && m.currency === currency ? new Decimal(m.amount) : new Decimal(0);

function line(currency: string, d?: DeclaredPremium, b?: BilledLine): ReconciledLine {
  const billed = amountIn(b?.premium, currency);
  const computed = amountIn(d?.premium, currency);
  const differs = !billed.eq(computed) || (d?.premium && d.premium.currency !== currency);
  const status: LineStatus = !d
    ? 'NOT_DECLARED'
    : !b
      ? 'NOT_BILLED'
      : differs
        ? 'DIFFERENT'
        : 'MATCHED';
  return {
    invoiceNo: b?.invoiceNo ?? d!.invoiceNo,
    declarationRef: b?.declarationRef ?? d?.declarationRef,
    ...(b ? { billed: b.premium } : {}),
    ...(d?.premium ? { computed: d.premium } : {}),
    difference: money(billed.minus(computed), currency),
    status,
  };
}

/**
 * Reconciles the bill against the declarations of its policy and period, line by line by
 * Sinosure's declaration reference (else the invoice number): a premium billed that the
 * platform computed differently, a line billed for nothing declared, a declaration not billed.
 */
export function reconcileBill(
  bill: { lines: readonly BilledLine[]; total: Money },
  declared: readonly DeclaredPremium[],
): Reconciliation {
  const currency = bill.total.currency;
  const key = (ref: string | undefined, invoiceNo: string) => ref ?? `invoice:${invoiceNo}`;
  const byKey = new Map(declared.map((d) => [key(d.declarationRef, d.invoiceNo), d]));
  const lines = bill.lines.map((b) => {
    const k = byKey.has(b.declarationRef) ? b.declarationRef : key(undefined, b.invoiceNo);
    const d = byKey.get(k);
    byKey.delete(k);
    return line(currency, d, b);
  });
  for (const d of byKey.values()) lines.push(line(currency, d));
  const sum = (pick: (l: ReconciledLine) => Money | undefined) =>
    lines.reduce((s, l) => s.plus(amountIn(pick(l), currency)), new Decimal(0));
  const computedTotal = sum((l) => l.computed);
  const billedTotal = new Decimal(bill.total.amount);
  const linesOff = lines.some((l) => l.status !== 'MATCHED');
  return {
    lines,
    billedTotal: bill.total,
    computedTotal: money(computedTotal, currency),
    difference: money(billedTotal.minus(computedTotal), currency),
    flagged: linesOff || !billedTotal.eq(sum((l) => l.billed)) || !billedTotal.eq(computedTotal),
  };
}

/**
 * The period (YYYYMM) whose bill the scheduled run fetches on `today` (China date): the
 * previous month's, from `issueDay` of the month on (Sinosure bills after the month closes).
 */
export function billingPeriodDue(today: string, issueDay: number): string | undefined {
  const [year, month, day] = today.split('-').map(Number);
  if (day < issueDay) return undefined;
  const prev = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
  return `${prev.y}${String(prev.m).padStart(2, '0')}`;
}

/** A stored bill that may be paid: its key, number and total. */
export interface BillToPay {
  clientId: string;
  policyNo: string;
  period: string;
  billNo: string;
  total: Money;
  state: 'BILLED' | 'PAID';
}

/** How a bill was paid: the bank's debit that names it, or an operator's entry. */
export interface PremiumPayment {
  paidAt: string;
  amount: Money;
  paymentRef: string;
  paidBy: string;
}

/** The statement lines a premium payment can be read from. */
export interface DebitLine {
  creditDebit: 'CREDIT' | 'DEBIT';
  reversal?: boolean;
  status?: 'BOOKED' | 'PENDING' | 'INFO';
  valueDate: string;
  amount: Money;
  texts: string[];
  ref: string;
}

// The bill number as a whole token: SB-2026-07 never matches SB-2026-071.
const names = (text: string, billNo: string) =>
  new RegExp(
    `(^|[^A-Za-z0-9-])${billNo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9-])`,
    'i',
  ).test(text);

/**
 * Bills paid by booked debits: a debit of exactly the bill's total, in its currency, whose
 * remittance or references name the bill number. Each debit pays one bill at most; a
 * reversal, a pending or an information line pays none.
 */
export function premiumPayments(
  lines: readonly DebitLine[],
  bills: readonly BillToPay[],
): Array<{ bill: BillToPay; line: DebitLine }> {
  const used = new Set<DebitLine>();
  const out: Array<{ bill: BillToPay; line: DebitLine }> = [];
  for (const bill of bills) {
    const line = lines.find(
      (l) =>
        !used.has(l) &&
        l.creditDebit === 'DEBIT' &&
        !l.reversal &&
        (l.status ?? 'BOOKED') === 'BOOKED' &&
        l.amount.currency === bill.total.currency &&
        new Decimal(l.amount.amount).eq(bill.total.amount) &&
        l.texts.some((t) => names(t, bill.billNo)),
    );
    if (!line) continue;
    used.add(line);
    out.push({ bill, line });
  }
  return out;
}
