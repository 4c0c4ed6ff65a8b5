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
    let end = text.indexOf(this.d.segment, pos);
    if (end === -1) end = text.length;
    this.pos = end + 1;
    return splitSegment(text.slice(pos, end), this.d, ++this.ordinal, pos);
  }
}
