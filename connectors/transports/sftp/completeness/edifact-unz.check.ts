import {
  DEFAULT_SEPARATORS,
  INFORMATION_SEPARATORS,
  separatorsFromUna,
  type Separators,
} from '../../../../mappings/codecs/edifact/separators.syntax';

function separatorsOf(text: string): Separators {
  if (text.startsWith('UNA')) return separatorsFromUna(text.slice(0, 9));
  // Level B without UNA uses the information separators (ISO 9735 annex A).
  return text.charAt(3) === INFORMATION_SEPARATORS.element
    ? INFORMATION_SEPARATORS
    : DEFAULT_SEPARATORS;
}

/** Splits at unreleased segment terminators; whitespace between segments is dropped. */
function segments(text: string, s: Separators): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === s.release) i++;
    else if (c === s.segment) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) out.push(text.slice(start).trim()); // an unterminated tail
  return out;
}

/** The last segment and the last UNB, split into elements; undefined when the file is cut. */
function closing(body: Buffer): { last: string[]; unb?: string[] } | undefined {
  const text = body.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const s = separatorsOf(text);
  const trimmed = text.replace(/\s+$/, '');
  if (!trimmed.endsWith(s.segment) || (s.release && trimmed.endsWith(s.release + s.segment)))
    return undefined;
  const all = segments(trimmed.startsWith('UNA') ? trimmed.slice(9) : trimmed, s);
  const last = all.at(-1)?.split(s.element) ?? [];
  const unb = all.findLast((seg) => seg.startsWith(`UNB${s.element}`))?.split(s.element);
  return { last, unb };
}

/**
 * True when an EDIFACT file is completely written: its last segment is a terminated UNZ whose
 * control reference (0020) is that of the last UNB. A file still being uploaded ends before
 * that. Counts are not checked here: a finished file with a wrong count is taken, and the
 * codec rejects it with its location (and a CONTRL says so).
 */
export function edifactComplete(body: Buffer): boolean {
  const end = closing(body);
  return end?.last[0] === 'UNZ' && end.unb !== undefined && end.last[2] === end.unb[5];
}

/** True when the file ends with a terminated UNZ, whatever its reference says. */
export function edifactEnds(body: Buffer): boolean {
  return closing(body)?.last[0] === 'UNZ';
}

/** The interchange control reference (UNB 0020) of an EDIFACT file, the partner's own id of it. */
export function edifactInterchangeRef(body: Buffer): string | undefined {
  const ref = closing(body)?.unb?.[5];
  return ref ? ref.split(':')[0] : undefined;
}
