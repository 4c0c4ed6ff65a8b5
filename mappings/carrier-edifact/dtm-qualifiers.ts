import type { DtmValue } from './edifact-datetime';

export type Classifier = 'ACT' | 'EST' | 'PLN';
/** What a DTM says about its event: it happened, is expected, is scheduled, or is wished for. */
export type DateMeaning = Classifier | 'REQ';

// UNCL 2005 (date or time or period function code qualifier, UN/CEFACT directory D.21A), only
// the qualifiers whose definition says which of the four it is. Anything else (137 the
// document's own date, 200 pick-up, 798 VGM determination ...) never dates an event.
const MEANINGS: Readonly<Record<string, DateMeaning>> = {
  // 7 effective, 11 despatch, 35 delivery actual, 178 arrival actual, 186 departure actual,
  // 334 status change (what IFTSTA/CODECO guides use for "when it happened").
  ...meaning('ACT', '7 11 35 178 186 334'),
  // 17 delivery estimated, 132 arrival estimated, 133 departure estimated, 146 entry
  // estimated, 191 delivery expected.
  ...meaning('EST', '17 132 133 146 191'),
  // 65/67 delivery scheduled first/current, 76 delivery scheduled for, 110 ship date
  // scheduled, 189 departure scheduled, 232 arrival scheduled, 291/292/294 planned starts
  // and ends of a leg.
  ...meaning('PLN', '65 67 76 110 189 232 291 292 294'),
  // 2 delivery requested, 10 shipment requested, 63/64 latest/earliest delivery, 69 delivery
  // promised for, 203 execution requested: what someone asks for, not a carrier's fact.
  ...meaning('REQ', '2 10 63 64 69 203'),
}; // prettier-ignore

function meaning(kind: DateMeaning, qualifiers: string): Record<string, DateMeaning> {
  return Object.fromEntries(qualifiers.split(' ').map((q) => [q, kind]));
}

/** The meaning of a qualifier, or undefined when the code list does not define one. */
export const meaningOf = (qualifier: string): DateMeaning | undefined => MEANINGS[qualifier];

/** The classifier of a qualifier pickEventDate chose (ACT, EST or PLN). */
export function classifierOf(qualifier: string): Classifier {
  const m = MEANINGS[qualifier];
  if (m === undefined || m === 'REQ')
    throw new RangeError(`DTM ${qualifier} does not date an event (pick it with pickEventDate)`);
  return m;
}

/**
 * The date of a status among the DTMs beside it: an actual time if there is one, else an
 * estimate, else a plan; the first of its kind in document order. Requested dates and
 * qualifiers of no defined meaning are passed over with a warning, never read as actual.
 */
export function pickEventDate(
  dates: readonly DtmValue[],
  warnings: string[],
): DtmValue | undefined {
  for (const d of dates) {
    const m = MEANINGS[d.qualifier];
    if (m === 'REQ') {
      warnings.push(
        `segment ${d.segment.index} DTM ${d.qualifier}: a requested time, not an event time`,
      );
    } else if (m === undefined && d.qualifier !== '137') {
      warnings.push(
        `segment ${d.segment.index} DTM ${d.qualifier}: qualifier not read as an event time`,
      );
    }
  }
  for (const kind of ['ACT', 'EST', 'PLN'] as const) {
    const hit = dates.find((d) => MEANINGS[d.qualifier] === kind);
    if (hit) return hit;
  }
  return undefined;
}
