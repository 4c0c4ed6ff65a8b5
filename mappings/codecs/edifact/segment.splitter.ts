import type { Separators } from './separators.syntax';

const LF = 10;
const CR = 13;

export interface SplitSegment {
  elements: string[][];
  repeats?: Record<number, string[][]>;
  /** Raw line breaks met (and dropped) inside the data. */
  lineBreaks: number;
}

/** What a split looks for, prepared once per set of separators. */
export interface SplitCodes {
  /** Character codes of the separators; -1 where the interchange has none. */
  readonly component: number;
  readonly element: number;
  readonly release: number;
  readonly repetition: number;
  /** The highest code that means anything to a split: characters above it are plain data. */
  readonly highest: number;
  readonly unescape: (raw: string) => string;
}

export function splitCodes(s: Separators): SplitCodes {
  const release = s.release === null ? -1 : s.release.charCodeAt(0);
  const codes = {
    component: s.component.charCodeAt(0),
    element: s.element.charCodeAt(0),
    release,
    repetition: s.repetition === null ? -1 : s.repetition.charCodeAt(0),
  };
  const highest = Math.max(CR, LF, ...Object.values(codes));
  return { ...codes, highest, unescape: unescaper(release) };
}

/** The split of a segment without data (tag and terminator only). */
export const NO_DATA: SplitSegment = { elements: [], lineBreaks: 0 };

/**
 * Splits the data of one segment (the text between the tag's element separator and the
 * terminator) into elements, components and repetitions, undoing release characters. Raw CR/LF
 * inside data are dropped: they come from senders that wrap lines at a fixed width.
 */
export function splitSegmentData(data: string | null, s: Separators): SplitSegment {
  if (data === null) return NO_DATA;
  return splitRange(data, 0, data.length, splitCodes(s));
}

/**
 * splitSegmentData over text[from, to), without slicing the data out first. One pass, and the
 * arrays it keeps are exactly as long as their content: a whole-buffer parse holds millions of
 * them, so growth slack and intermediate arrays would cost more than the scan itself.
 */
export function splitRange(text: string, from: number, to: number, c: SplitCodes): SplitSegment {
  return splitter.split(text, from, to, c);
}

/** The state of one split; a single instance is reused, as splitting never re-enters. */
class Splitter {
  private text = '';
  private unescape: (raw: string) => string = (raw) => raw;
  /** Start of the value being read. */
  private run = 0;
  /** True when that value holds a release character or a line break to take out. */
  private pieced = false;
  // Scratch lists, copied out at exact size; entries past the counts are stale.
  private readonly components: string[] = [];
  private count = 0;
  private readonly elements: string[][] = [];
  private elementCount = 0;
  private occurrences: string[][] | undefined;
  private repeats: Record<number, string[][]> | undefined;

  split(text: string, from: number, to: number, c: SplitCodes): SplitSegment {
    this.text = text;
    this.unescape = c.unescape;
    this.run = from;
    this.pieced = false;
    this.count = this.elementCount = 0;
    this.occurrences = this.repeats = undefined;
    let lineBreaks = 0;
    const highest = c.highest;
    for (let i = from; i < to; i++) {
      const ch = text.charCodeAt(i);
      if (ch > highest) continue; // letters, mostly: most of the data
      if (ch === c.component) this.take(i);
      else if (ch === c.element) this.closeElement(i);
      else if (ch === c.release) {
        this.pieced = true;
        i++; // the released character is data, whatever it is
      } else if (ch === c.repetition) this.closeOccurrence(i);
      else if (ch === LF || ch === CR) {
        if (ch === LF) lineBreaks++;
        this.pieced = true;
      }
    }
    this.closeElement(to);
    const elements = copy(this.elements, this.elementCount);
    this.text = '';
    const repeats = this.repeats;
    return repeats ? { elements, repeats, lineBreaks } : { elements, lineBreaks };
  }

  /** Ends the value at `at` (a separator) as the next component. */
  private take(at: number): void {
    const raw = this.text.slice(this.run, at);
    this.components[this.count++] = this.pieced ? this.unescape(raw) : raw;
    this.run = at + 1;
    this.pieced = false;
  }

  private closeOccurrence(at: number): void {
    this.take(at);
    (this.occurrences ??= []).push(copy(this.components, this.count));
    this.count = 0;
  }

  private closeElement(at: number): void {
    this.take(at);
    let element = copy(this.components, this.count);
    this.count = 0;
    const occurrences = this.occurrences;
    if (occurrences) {
      occurrences.push(element);
      (this.repeats ??= {})[this.elementCount] = occurrences;
      element = occurrences[0];
      this.occurrences = undefined;
    }
    this.elements[this.elementCount++] = element;
  }
}

const UNESCAPERS = new Map<number, (raw: string) => string>();

/**
 * Drops release characters (keeping what each releases) and raw line breaks from one value, in
 * one native replace: a flat string, where concatenating the pieces would keep a rope of them.
 */
function unescaper(release: number): (raw: string) => string {
  let fn = UNESCAPERS.get(release);
  if (!fn) {
    if (release === -1) {
      fn = (raw) => raw.replace(/[\r\n]/g, '');
    } else {
      const code = release.toString(16).padStart(4, '0');
      const pattern = new RegExp(`\\u${code}([\\s\\S]?)|[\\r\\n]`, 'g');
      fn = (raw) => raw.replace(pattern, '$1');
    }
    UNESCAPERS.set(release, fn);
  }
  return fn;
}

const splitter = new Splitter();

/** The first `count` items of a scratch list, as a new array of exactly that length. */
function copy<T>(scratch: T[], count: number): T[] {
  return count === 1 ? [scratch[0]] : scratch.slice(0, count);
}
