import Decimal from 'decimal.js';
import { minorUnits } from '../../../../core/model/values/currency.codes';
import type { Money } from '../../../../core/model/values/money.schema';

/** An invoice (or order without invoice) the client still waits to be paid for. */
export interface OpenReceivable {
  id: string;
  invoiceNo: string;
  orderNos: string[];
  buyerName?: string;
  currency: string;
  /** Still open, as a decimal string in the receivable's currency. */
  openAmount: string;
  dueDate?: string;
}

/** A credit to one of the client's accounts, as the bank reported it. */
export interface IncomingPayment {
  amount: Money;
  /** Charges deducted on the way: the payer remitted amount + charges. */
  charges?: Money;
  /** What the payer instructed, possibly in another currency than the credit. */
  instructedAmount?: Money;
  payerName?: string;
  invoiceNos: string[];
  orderNos: string[];
  /** Remittance text and end-to-end id, searched for invoice numbers the bank did not extract. */
  texts: string[];
}

export interface Allocation {
  receivableId: string;
  invoiceNo: string;
  /** Applied to the receivable, in its currency (charges included when they closed it). */
  amount: Money;
  /** Bank charges the client bears for this receivable (part of `amount`). */
  chargesAbsorbed?: Money;
  settled: boolean;
}

export type MatchMethod = 'REFERENCE' | 'PAYER_AMOUNT' | 'PAYER_COMBINATION';

export type MatchResult =
  | { matched: true; method: MatchMethod; allocations: Allocation[]; unapplied?: Money }
  | { matched: false; reason: string };

/** Units of `to` per one unit of `from`, or undefined when no rate is known. */
export type RateLookup = (from: string, to: string) => string | undefined;

const D = Decimal.clone({ precision: 40 });
const norm = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

// Legal-form words and punctuation differ between an invoice and a bank's payer line.
const LEGAL_FORMS = /\b(INC|LLC|LTD|LIMITED|CO|CORP|CORPORATION|GMBH|AG|SA|SAS|BV|PLC|THE)\b/g;
const normName = (s: string) =>
  s
    .toUpperCase()
    .replace(LEGAL_FORMS, '')
    .replace(/[^A-Z0-9]/g, '');

function round(value: Decimal, currency: string): string {
  return value
    .toDecimalPlaces(minorUnits(currency) ?? 2, Decimal.ROUND_HALF_UP)
    .toFixed(minorUnits(currency) ?? 2);
}

/** What the payer paid and what reached the account, both in `currency`, or undefined. */
function valueIn(payment: IncomingPayment, currency: string, rate: RateLookup) {
  const { amount, charges, instructedAmount } = payment;
  const chargeValue =
    charges && charges.currency === amount.currency ? new D(charges.amount) : new D(0);
  if (amount.currency === currency)
    return { gross: new D(amount.amount).plus(chargeValue), charges: chargeValue };
  // The payer instructed in the invoice currency; the bank converted it on the way in.
  if (instructedAmount?.currency === currency) {
    const received = new D(instructedAmount.amount);
    return { gross: received, charges: new D(0) };
  }
  const r = rate(amount.currency, currency);
  if (!r) return undefined;
  return {
    gross: new D(amount.amount).plus(chargeValue).times(r),
    charges: chargeValue.times(r),
  };
}

function mentions(payment: IncomingPayment, r: OpenReceivable): boolean {
  const invoice = norm(r.invoiceNo);
  if (payment.invoiceNos.some((n) => norm(n) === invoice)) return true;
  if (r.orderNos.some((o) => payment.orderNos.some((n) => norm(n) === norm(o)))) return true;
  // Bounded by non-alphanumerics so INV-1 does not match INV-10.
  const re = new RegExp(
    `(^|[^A-Z0-9])${r.invoiceNo.toUpperCase().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}($|[^A-Z0-9])`,
  );
  return payment.texts.some((t) => re.test(t.toUpperCase()));
}

/** Applies `gross` to receivables in order; charges go with the first one they help close. */
function allocate(
  payment: IncomingPayment,
  targets: OpenReceivable[],
  method: MatchMethod,
  rate: RateLookup,
): MatchResult {
  const currency = targets[0].currency;
  if (targets.some((t) => t.currency !== currency))
    return { matched: false, reason: 'the referenced invoices are in different currencies' };
  const value = valueIn(payment, currency, rate);
  if (!value) return { matched: false, reason: `no ${payment.amount.currency}/${currency} rate` };
  let remaining = value.gross;
  let charges = value.charges;
  const allocations: Allocation[] = [];
  for (const target of targets) {
    if (remaining.lte(0)) break;
    const open = new D(target.openAmount);
    const applied = Decimal.min(open, remaining);
    const allocation: Allocation = {
      receivableId: target.id,
      invoiceNo: target.invoiceNo,
      amount: { amount: round(applied, currency), currency },
      settled: applied.gte(open),
    };
    if (charges.gt(0)) {
      const absorbed = Decimal.min(charges, applied);
      allocation.chargesAbsorbed = { amount: round(absorbed, currency), currency };
      charges = charges.minus(absorbed);
    }
    allocations.push(allocation);
    remaining = remaining.minus(applied);
  }
  const result: MatchResult = { matched: true, method, allocations };
  if (remaining.gt(0)) result.unapplied = { amount: round(remaining, currency), currency };
  return result;
}

const byDue = (a: OpenReceivable, b: OpenReceivable) =>
  (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
  a.invoiceNo.localeCompare(b.invoiceNo);

// Several invoices paid together without references: the smallest subset of the payer's open
// invoices that adds up exactly. Bounded: 2^12 subsets at most.
const MAX_COMBINATION = 12;

function exactCombination(list: OpenReceivable[], gross: Decimal): OpenReceivable[] | undefined {
  const candidates = list.slice(0, MAX_COMBINATION);
  let best: OpenReceivable[] | undefined;
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, i) => mask & (1 << i));
    const sum = chosen.reduce((s, r) => s.plus(r.openAmount), new D(0));
    if (sum.eq(gross) && (!best || chosen.length < best.length)) best = chosen;
  }
  return best;
}

/**
 * Matches a payment to the client's open receivables: by the references it names first, then
 * by payer and exact amount (one invoice, then a combination). Partial payments leave the
 * receivable open; an over-payment leaves an unapplied remainder; bank charges deducted on the
 * way count toward the invoice they helped close. Anything else goes to the operator queue.
 */
export function matchPayment(
  payment: IncomingPayment,
  open: readonly OpenReceivable[],
  rate: RateLookup,
): MatchResult {
  const referenced = open.filter((r) => mentions(payment, r)).sort(byDue);
  if (referenced.length) return allocate(payment, referenced, 'REFERENCE', rate);
  const payer = payment.payerName ? normName(payment.payerName) : '';
  if (!payer)
    return { matched: false, reason: 'no reference to an open invoice and no payer name' };
  const ofPayer = open.filter((r) => r.buyerName && normName(r.buyerName) === payer).sort(byDue);
  if (!ofPayer.length)
    return { matched: false, reason: `no open invoice of payer '${payment.payerName}'` };
  const currency = ofPayer[0].currency;
  const value = valueIn(payment, currency, rate);
  if (!value) return { matched: false, reason: `no ${payment.amount.currency}/${currency} rate` };
  const net = value.gross.minus(value.charges);
  const single =
    ofPayer.find((r) => value.gross.eq(r.openAmount)) ?? ofPayer.find((r) => net.eq(r.openAmount));
  if (single) return allocate(payment, [single], 'PAYER_AMOUNT', rate);
  const combination = exactCombination(
    ofPayer.filter((r) => r.currency === currency),
    value.gross,
  );
  if (combination) return allocate(payment, combination, 'PAYER_COMBINATION', rate);
  return {
    matched: false,
    reason: `no open invoice of '${payment.payerName}' or combination of them for ${round(value.gross, currency)} ${currency}`,
  };
}
