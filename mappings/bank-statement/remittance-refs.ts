/**
 * Invoice, order and LC numbers a payer wrote in remittance text ("INV-2025-0117",
 * "INVOICE NO. 4711", "PO: 88-12", "L/C NO. LC-TH-2025-0042"). Settlement matches on them first;
 * a miss only costs a fallback to payer and amount, so the patterns favour precision.
 */
export interface ReferencedDocuments {
  invoiceNos: string[];
  orderNos: string[];
  lcNo?: string;
}

const REF = '([A-Z0-9][A-Z0-9/-]{1,33}[A-Z0-9])';
const LABEL_TAIL = `(?:\\s*(?:NO|NR|NUMBER)\\.?)?(?:\\s*[:#/]\\s*|\\s+)${REF}`;

// A number that carries its own prefix (INV-2025-0117) is kept whole; a label is followed by one.
const INVOICE = [
  /(?<![A-Z0-9-])(INV-?\d[A-Z0-9/-]*[A-Z0-9])/gi,
  new RegExp(`(?<![A-Z0-9-])(?:INVOICE|INV|RECHNUNG|FACTUUR|FACTURE)${LABEL_TAIL}`, 'gi'),
];
const ORDER = [
  /(?<![A-Z0-9-])(PO-?\d[A-Z0-9/-]*[A-Z0-9])/gi,
  new RegExp(`(?<![A-Z0-9-])(?:PURCHASE ORDER|ORDER|PO|P/O|BESTELLUNG)${LABEL_TAIL}`, 'gi'),
];
const LC = [
  /(?<![A-Z0-9-])(LC-[A-Z0-9/-]*\d[A-Z0-9/-]*[A-Z0-9])/gi,
  new RegExp(`(?<![A-Z0-9-])(?:L/C|LC|CREDIT)${LABEL_TAIL}`, 'gi'),
];

function all(patterns: RegExp[], text: string): string[] {
  const found = new Set<string>();
  for (const re of patterns)
    for (const m of text.matchAll(re)) if (/\d/.test(m[1])) found.add(m[1].toUpperCase());
  return [...found];
}

export function referencedDocuments(text: string | undefined): ReferencedDocuments {
  if (!text) return { invoiceNos: [], orderNos: [] };
  const lc = all(LC, text)[0];
  return {
    invoiceNos: all(INVOICE, text),
    orderNos: all(ORDER, text),
    ...(lc ? { lcNo: lc } : {}),
  };
}
