import type { DtmValue } from './edifact-datetime';

export type Classifier = 'ACT' | 'EST' | 'PLN';

// UNCL 2005 qualifiers that say a time is not yet actual. Everything else (7 effective,
// 178/186 actual arrival/departure, 334 status change, 35 delivered ...) is taken as actual.
const ESTIMATED = new Set(['17', '132', '133', '146', '191']);
const PLANNED = new Set(['65', '67', '76', '110', '189', '232', '291', '292', '294']);
/** 137 is the document's own date, never the event's. */
const DOCUMENT_DATE = '137';

export function classifierOf(qualifier: string): Classifier {
  if (ESTIMATED.has(qualifier)) return 'EST';
  if (PLANNED.has(qualifier)) return 'PLN';
  return 'ACT';
}

/**
 * The date of a status among the DTMs beside it: an actual time if there is one, else an
 * estimate, else a plan; the first of its kind in document order.
 */
export function pickEventDate(dates: readonly DtmValue[]): DtmValue | undefined {
  const candidates = dates.filter((d) => d.qualifier !== DOCUMENT_DATE);
  for (const kind of ['ACT', 'EST', 'PLN'] as const) {
    const hit = candidates.find((d) => classifierOf(d.qualifier) === kind);
    if (hit) return hit;
  }
  return undefined;
}
