import { edifactError, SyntaxErrorCode } from './edifact.errors';
import { EdifactSegment } from './segment.model';
import {
  DEFAULT_SEPARATORS,
  INFORMATION_SEPARATORS,
  UNA_LENGTH,
  distinctSeparators,
  separatorsFromUna,
  withSyntaxVersion,
  type Separators,
} from './separators.syntax';
import { splitSegmentData } from './segment.splitter';

const TAG = /^[A-Z][A-Z0-9]{2}$/;
// Between segments we skip line breaks, blanks and a byte-order mark.
const isFiller = (c: number): boolean =>
  c === 10 || c === 13 || c === 32 || c === 9 || c === 0xfeff || c === 0;

/**
 * Incremental segment scanner over decoded text. Feed text with push(); next() returns one
 * segment at a time, or null when it needs more text (or, with final, when the input is done).
 * It owns the service characters: it reads UNA, resets to defaults at each UNB without UNA,
 * and learns the repetition separator from the syntax version (setSyntaxVersion).
 */
export class SegmentScanner {
  separators: Separators = DEFAULT_SEPARATORS;
  /** True when the current interchange opened with a UNA. */
  hadUna = false;
  private buf = '';
  private pos = 0;
  private bytePos: number;
  private line: number;
  private index = 0;
  private unaPending = false;

  /**
   * @param byteLength byte length of decoded text in the input encoding; omit for single-byte
   *   encodings, where characters and bytes coincide.
   */
  constructor(
    private readonly byteLength?: (text: string) => number,
    start: { offset: number; line: number } = { offset: 0, line: 1 },
  ) {
    this.bytePos = start.offset;
    this.line = start.line;
  }

  push(text: string): void {
    // Drop consumed text so a stream keeps only the unfinished segment in memory.
    this.buf = this.pos > 0 ? this.buf.slice(this.pos) + text : this.buf + text;
    this.pos = 0;
  }

  /** The byte offset the scanner has reached (everything before it was returned as segments). */
  get offset(): number {
    return this.bytePos;
  }

  get currentLine(): number {
    return this.line;
  }

  /** Called by the assembler once UNB is read: version 4 brings the repetition separator. */
  setSyntaxVersion(version: string): void {
    this.separators = withSyntaxVersion(this.separators, version, this.hadUna);
  }

  next(final = false): EdifactSegment | null {
    const start = this.skipFiller();
    if (start >= this.buf.length) return null;
    if (this.buf.startsWith('UNA', start)) {
      if (this.buf.length - start < UNA_LENGTH && !final) return null;
      return this.readUna(start, final);
    }
    if (this.buf.startsWith('UNB', start)) this.openInterchange(start);
    const end = this.findTerminator(start);
    if (end === -1) {
      if (!final) return null;
      throw edifactError(
        'incomplete segment: input ends before the segment terminator',
        {
          ...this.where(start),
          segmentIndex: this.index + 1,
          segmentTag: this.buf.slice(start, start + 3),
        },
        SyntaxErrorCode.missing,
      );
    }
    return this.readSegment(start, end);
  }

  private readSegment(start: number, end: number): EdifactSegment {
    const s = this.separators;
    let tagEnd = this.buf.indexOf(s.element, start);
    if (tagEnd === -1 || tagEnd > end) tagEnd = end;
    const tag = this.buf.slice(start, tagEnd).split(s.component)[0];
    const location = this.where(start);
    if (!TAG.test(tag)) {
      throw edifactError(
        `invalid segment tag "${tag.slice(0, 20)}"`,
        { ...location, segmentIndex: this.index + 1 },
        SyntaxErrorCode.invalidValue,
      );
    }
    const data = tagEnd < end ? this.buf.slice(tagEnd + 1, end) : null;
    const split = splitSegmentData(data, s);
    this.index = tag === 'UNB' ? 1 : this.index + 1;
    const segment = new EdifactSegment(
      tag,
      split.elements,
      this.index,
      location.offset,
      location.line,
      split.repeats,
    );
    this.line += split.lineBreaks;
    this.advance(end + 1);
    return segment;
  }

  private readUna(start: number, final: boolean): EdifactSegment | null {
    if (this.buf.length - start < UNA_LENGTH) {
      throw edifactError(
        'incomplete UNA service string advice',
        { ...this.where(start), segmentTag: 'UNA' },
        SyntaxErrorCode.missing,
      );
    }
    const separators = separatorsFromUna(this.buf.slice(start, start + UNA_LENGTH));
    if (!distinctSeparators(separators)) {
      throw edifactError(
        'UNA service characters are not distinct',
        { ...this.where(start), segmentTag: 'UNA' },
        SyntaxErrorCode.invalidValue,
      );
    }
    this.separators = separators;
    this.hadUna = true;
    this.unaPending = true;
    this.advance(start + UNA_LENGTH);
    return this.next(final);
  }

  private openInterchange(start: number): void {
    if (this.unaPending) {
      this.unaPending = false;
      return;
    }
    // No UNA for this interchange: defaults, or the information separators of annex A.
    this.hadUna = false;
    this.separators =
      this.buf.charAt(start + 3) === INFORMATION_SEPARATORS.element
        ? INFORMATION_SEPARATORS
        : DEFAULT_SEPARATORS;
  }

  /** Index of the next unreleased segment terminator, or -1. */
  private findTerminator(from: number): number {
    const { segment, release } = this.separators;
    let at = this.buf.indexOf(segment, from);
    while (at !== -1 && release !== null && this.released(at, from)) {
      at = this.buf.indexOf(segment, at + 1);
    }
    return at;
  }

  private released(at: number, floor: number): boolean {
    let n = 0;
    for (let i = at - 1; i >= floor && this.buf.charAt(i) === this.separators.release; i--) n++;
    return n % 2 === 1;
  }

  private skipFiller(): number {
    let i = this.pos;
    const buf = this.buf;
    while (i < buf.length && isFiller(buf.charCodeAt(i))) {
      if (buf.charCodeAt(i) === 10) this.line++;
      i++;
    }
    if (i !== this.pos) this.advance(i);
    return i;
  }

  private advance(to: number): void {
    this.bytePos += this.byteLength ? this.byteLength(this.buf.slice(this.pos, to)) : to - this.pos;
    this.pos = to;
  }

  private where(at: number): { offset: number; line: number } {
    const extra = this.byteLength ? this.byteLength(this.buf.slice(this.pos, at)) : at - this.pos;
    return { offset: this.bytePos + extra, line: this.line };
  }
}
