import { daysBetween } from '../../calendar-days';

/** What the platform knows about one export declaration on the way to its refund. */
export interface DeclarationFacts {
  declarationNo: string;
  exportDate: string;
  released: boolean;
  /** 结关: customs closed the declaration; its electronic data reaches the tax office. */
  closed: boolean;
  vatMatched: boolean;
  fxCollected: boolean;
  documentsFiled: boolean;
  /** When the last missing piece arrived. */
  readyOn?: string;
  refundedOn?: string;
}

export type Piece =
  'RELEASED' | 'CLOSED' | 'VAT_INVOICE_MATCHED' | 'FX_COLLECTED' | 'DOCUMENTS_FILED';

export interface Readiness {
  declarationNo: string;
  ready: boolean;
  missing: Piece[];
  /** Primer §8: declare by the April filing period of the year after export. */
  deadline: string;
}

export function readiness(f: DeclarationFacts): Readiness {
  const checks: Array<[Piece, boolean]> = [
    ['RELEASED', f.released],
    ['CLOSED', f.closed],
    ['VAT_INVOICE_MATCHED', f.vatMatched],
    ['FX_COLLECTED', f.fxCollected],
    ['DOCUMENTS_FILED', f.documentsFiled],
  ];
  const missing = checks.filter(([, ok]) => !ok).map(([piece]) => piece);
  const deadline = `${Number(f.exportDate.slice(0, 4)) + 1}-04-30`;
  return { declarationNo: f.declarationNo, ready: missing.length === 0, missing, deadline };
}

/** Ready declarations grouped by the tax period (YYYYMM) in which they can be claimed. */
export function claimsByPeriod(facts: readonly DeclarationFacts[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of facts.filter((x) => readiness(x).ready && x.readyOn)) {
    const period = f.readyOn!.slice(0, 7).replace('-', '');
    out.set(period, [...(out.get(period) ?? []), f.declarationNo]);
  }
  return out;
}

/** Days from export to refund, the cycle the platform reports; undefined until refunded. */
export function cycleDays(f: DeclarationFacts): number | undefined {
  return f.refundedOn ? daysBetween(f.exportDate, f.refundedOn) : undefined;
}
