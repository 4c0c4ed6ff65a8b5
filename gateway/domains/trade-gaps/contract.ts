/**
 * What a domain's "still missing" rule sees of one trade and what it answers. Rules are pure:
 * they read the canonical documents filed on the trade (and the day) and never query anything,
 * so a spec can state every case with a handful of documents.
 */

/** One canonical document on the trade, as filed (partner documents and domain events alike). */
export interface TradeDocument {
  documentType: string;
  eventType: string;
  occurredAt: string;
  payload: unknown;
}

export interface TradeFacts {
  /** The day the question is asked, China date (YYYY-MM-DD): deadlines there are China dates. */
  today: string;
  documents: readonly TradeDocument[];
}

/** A piece one rule finds missing: what it is about and, where known, when it is due. */
export interface Gap {
  /** The document the piece belongs to (invoiceNo, declarationNo, bookingNo ...). */
  subject?: string;
  /** Due date (YYYY-MM-DD) when the rule knows one. */
  due?: string;
  /** Short machine-readable detail, e.g. the rebate pieces not in yet. */
  detail?: string;
}

export interface Label {
  en: string;
  zh: string;
}

/** A rule a domain owns and lists in the registry (trade-gaps/registry.ts). */
export interface TradeGapRule {
  /** The owning domain (folder under gateway/domains). */
  domain: string;
  /** Stable code, unique in the registry: `<domain>.<what>`. */
  code: string;
  label: Label;
  find(facts: TradeFacts): Gap[];
}

/** Payloads of the documents of one type, in filing order. */
export function payloadsOf<T>(facts: TradeFacts, documentType: string): T[] {
  return facts.documents.filter((d) => d.documentType === documentType).map((d) => d.payload as T);
}

export function has(facts: TradeFacts, documentType: string): boolean {
  return facts.documents.some((d) => d.documentType === documentType);
}

interface Departure {
  bookingNo: string;
  status: string;
  plannedDepartureDate?: string;
  estimatedDeparture?: string;
}

/**
 * The vessel's departure day from the carrier's latest confirmation, when it says one: the day
 * by which customs must have released the goods and the B/L can be on board.
 */
export function plannedDeparture(facts: TradeFacts): string | undefined {
  const confirmations = payloadsOf<Departure>(facts, 'BookingConfirmation');
  const latest = confirmations.at(-1);
  return latest?.plannedDepartureDate ?? latest?.estimatedDeparture?.slice(0, 10);
}

/** Every shipped-on-board date on the trade's bills of lading, earliest first. */
export function onBoardDates(facts: TradeFacts): string[] {
  return payloadsOf<{ shippedOnBoardDate?: string }>(facts, 'BillOfLading')
    .map((b) => b.shippedOnBoardDate)
    .filter((d): d is string => d !== undefined)
    .sort();
}

interface Terms {
  invoiceNo: string;
  issueDate: string;
  paymentTerms?: { method: string; creditDays?: number };
  totalAmount: { amount: string; currency: string };
}

/** The trade's commercial invoices, the latest filing of each invoice number. */
export function invoicesOf(facts: TradeFacts): Terms[] {
  const byNo = new Map<string, Terms>();
  for (const i of payloadsOf<Terms>(facts, 'CommercialInvoice')) byNo.set(i.invoiceNo, i);
  return [...byNo.values()];
}
