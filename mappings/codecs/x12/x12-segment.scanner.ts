import { ISA_LENGTH, ISA_WIDTHS } from './x12-delimiters';
import type { X12Delimiters, X12Segment } from './x12.types';

/** Position of the first character that is not CR or LF, from `pos`. */
export function skipLineBreaks(text: string, pos: number): number {
  let at = pos;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c === 0x0a || c === 0x0d) at++;
    else break;
  }
  return at;
}

/** Splits one raw segment (without terminator) into tag and elements. */
export function splitSegment(raw: string, d: X12Delimiters, ordinal: number, offset: number) {
  const parts = raw.split(d.element);
  const tag = parts.shift() ?? '';
  const seg: X12Segment = { tag, elements: parts, ordinal, offset };
  return seg;
}

/**
 * Reads segments of one interchange from a complete string. Stops after IEA (or at the end of
 * the text); `next` then says where the following interchange may start.
 */
export class X12SegmentScanner {
  private pos: number;
  private ordinal = 0;

  constructor(
    private readonly text: string,
    start: number,
    private readonly d: X12Delimiters,
  ) {
    this.pos = start;
  }

  get next(): number {
    return this.pos;
  }

  read(): X12Segment | null {
    const text = this.text;
    const pos = skipLineBreaks(text, this.pos);
    if (pos >= text.length) {
      this.pos = pos;
      return null;
    }
    if (this.ordinal === 0 && text.startsWith('ISA', pos) && text.length - pos >= ISA_LENGTH) {
      this.pos = pos + ISA_LENGTH;
      return fixedIsa(text, pos, ++this.ordinal);
    }
    let end = text.indexOf(this.d.segment, pos);
    if (end === -1) end = text.length;
    this.pos = end + 1;
    return splitSegment(text.slice(pos, end), this.d, ++this.ordinal, pos);
  }
}

/**
 * ISA is read by its fixed widths, not split: a separator character inside one of its values
 * (a sender id with '~' or '*') must not cut it short or shift the elements after it.
 */
export function fixedIsa(text: string, at: number, ordinal: number): X12Segment {
  const elements: string[] = [];
  let pos = at + 4;
  for (const width of ISA_WIDTHS) {
    elements.push(text.slice(pos, pos + width));
    pos += width + 1;
  }
  return { tag: 'ISA', elements, ordinal, offset: at };
}
