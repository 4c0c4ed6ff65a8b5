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
import { NO_DATA, splitCodes, splitRange, type SplitCodes } from './segment.splitter';

const TAG = /^[A-Z][A-Z0-9]{2}$/;
const U = 0x55;
const N = 0x4e;
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
  private codes: SplitCodes = splitCodes(DEFAULT_SEPARATORS);
  private codesOf: Separators = DEFAULT_SEPARATORS;

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
    let start = this.skipFiller();
    // Each UNA is read in turn here, not by recursion: a run of them must not grow the stack.
    while (this.buf.startsWith('UNA', start)) {
      if (this.buf.length - start < UNA_LENGTH && !final) return null;
      this.readUna(start);
      start = this.skipFiller();
    }
    const buf = this.buf;
    if (start >= buf.length) return null;
    // Only service segments start with "UN": test two codes before comparing strings.
    if (buf.charCodeAt(start) === U && buf.charCodeAt(start + 1) === N) {
      if (buf.startsWith('UNB', start)) this.openInterchange(start);
    }
    const end = this.findTerminator(start);
    if (end === -1) {
      if (!final) return null;
      throw edifactError(
        'incomplete segment: input ends before the segment terminator',
        {
          ...this.where(start),
          segmentIndex: this.index + 1,
          segmentTag: buf.slice(start, start + 3),
        },
        SyntaxErrorCode.missing,
      );
    }
    return this.readSegment(start, end);
  }

  private readSegment(start: number, end: number): EdifactSegment {
    if (this.codesOf !== this.separators) {
      this.codes = splitCodes(this.separators);
      this.codesOf = this.separators;
    }
    const { offset, line } = this.where(start);
    // Nearly every segment: a well-formed three-letter tag, then an element separator or the end.
    const after = start + 3;
    const tagged =
      after === end || (after < end && this.buf.charCodeAt(after) === this.codes.element);
    const tag = tagged ? plainTag(this.buf, start) : undefined;
    if (tag !== undefined) return this.segment(tag, after, end, offset, line);
    const tagEnd = this.tagEnd(start, end);
    return this.segment(this.checkedTag(start, tagEnd), tagEnd, end, offset, line);
  }

  private segment(
    tag: string,
    tagEnd: number,
    end: number,
    offset: number,
    line: number,
  ): EdifactSegment {
    const split = tagEnd < end ? splitRange(this.buf, tagEnd + 1, end, this.codes) : NO_DATA;
    this.index = tag === 'UNB' ? 1 : this.index + 1;
    const segment = new EdifactSegment(
      tag,
      split.elements,
      this.index,
      offset,
      line,
      split.repeats,
    );
    this.line += split.lineBreaks;
    this.advance(end + 1);
    return segment;
  }

  /** Where the tag ends: the first element separator, or the terminator. */
  private tagEnd(start: number, end: number): number {
    const at = this.buf.indexOf(this.separators.element, start);
    return at === -1 || at > end ? end : at;
  }

  /** The tag of an unusual segment (with components, or invalid), checked. */
  private checkedTag(start: number, tagEnd: number): string {
    const tag = this.buf.slice(start, tagEnd).split(this.separators.component)[0];
    if (!TAG.test(tag)) {
      throw edifactError(
        `invalid segment tag "${tag.slice(0, 20)}"`,
        { ...this.where(start), segmentIndex: this.index + 1 },
        SyntaxErrorCode.invalidValue,
      );
    }
    return tag;
  }

  private readUna(start: number): void {
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

// Tags are interned: a whole-buffer parse keeps millions of segments, most sharing a few tags.
const TAGS = new Map<number, string>();

/** The three-letter tag at `at` when it is well formed ([A-Z][A-Z0-9]{2}), interned. */
function plainTag(buf: string, at: number): string | undefined {
  const a = buf.charCodeAt(at);
  const b = buf.charCodeAt(at + 1);
  const c = buf.charCodeAt(at + 2);
  if (!isUpper(a) || !isTagChar(b) || !isTagChar(c)) return undefined;
  const key = (a << 16) | (b << 8) | c;
  let tag = TAGS.get(key);
  if (tag === undefined) TAGS.set(key, (tag = buf.slice(at, at + 3)));
  return tag;
}

const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isTagChar = (c: number): boolean => isUpper(c) || (c >= 0x30 && c <= 0x39);
