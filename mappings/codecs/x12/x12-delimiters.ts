import { fatal } from './x12-issue';
import type { X12Delimiters } from './x12.types';

/** ISA is fixed width: 16 elements of these sizes, so it is 106 characters with its terminator. */
export const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;
export const ISA_LENGTH = 106;

/** Skips a BOM and leading whitespace; returns the offset where ISA should start. */
export function skipLeading(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 0xfeff || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
    else break;
  }
  return pos;
}

/**
 * Reads the separators from the ISA starting at `at`: element separator at ISA position 4,
 * repetition separator ISA11 (00402 and later), component separator ISA16, segment terminator
 * right after it, then any CR/LF the sender writes after each terminator.
 */
export function readDelimiters(text: string, at: number): X12Delimiters {
  if (text.startsWith('ISA', at) === false) {
    throw fatal('ISA_MISSING', 'interchange does not start with ISA', { offset: at });
  }
  if (text.length - at < ISA_LENGTH) {
    throw fatal('ISA_TRUNCATED', 'ISA shorter than its fixed 106 characters', {
      segmentIndex: 1,
      segmentTag: 'ISA',
      offset: at,
    });
  }
  const element = text[at + 3];
  let pos = at + 3;
  for (let i = 0; i < ISA_WIDTHS.length; i++) {
    if (text[pos] !== element) {
      throw fatal('ISA_FIXED_WIDTH', `ISA${pad2(i + 1)} is not at its fixed position`, {
        segmentIndex: 1,
        segmentTag: 'ISA',
        offset: pos,
      });
    }
    pos += ISA_WIDTHS[i] + 1;
  }
  const component = text[at + 104];
  const segment = text[at + 105];
  const isa11 = text[at + 82];
  const version = text.slice(at + 84, at + 89);
  // ISA11 became the repetition separator in 00402; before it is the code 'U'.
  const repetition = version >= '00402' || !/[A-Za-z0-9]/.test(isa11) ? isa11 : null;
  let end = at + ISA_LENGTH;
  while (end < text.length && (text[end] === '\r' || text[end] === '\n') && text[end] !== segment) {
    end++;
  }
  const lineEnding = text.slice(at + ISA_LENGTH, end);
  const seen = new Set([element, component, segment]);
  if (seen.size !== 3 || /[A-Za-z0-9 ]/.test(element + segment)) {
    throw fatal('ISA_SEPARATORS', 'ISA separators are not distinct non-alphanumeric characters', {
      segmentIndex: 1,
      segmentTag: 'ISA',
      offset: at,
    });
  }
  return { element, component, repetition, segment, lineEnding };
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
