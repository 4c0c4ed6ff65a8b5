/**
 * One segment as read: `elements[i]` is data element i (0-based, the tag not counted) with its
 * components as an array (a simple element is a one-item array). Repeated elements (syntax
 * version 4 repetition separator) keep their first occurrence in `elements` and all of them in
 * `repeats[i]`.
 */
export class EdifactSegment {
  constructor(
    readonly tag: string,
    readonly elements: string[][],
    /** 1-based position in its interchange (UNB = 1; a UNA is not a segment and is not counted). */
    readonly index: number = 0,
    /** Byte offset of the tag in the input. */
    readonly offset: number = 0,
    /** 1-based line of the tag in the input. */
    readonly line: number = 1,
    readonly repeats?: Record<number, string[][]>,
  ) {}

  /** Component `component` of element `element` (both 0-based); undefined when absent or empty. */
  get(element: number, component = 0): string | undefined {
    const value = this.elements[element]?.[component];
    return value === undefined || value === '' ? undefined : value;
  }

  /** Like get() but throws when the value is absent, naming the segment. */
  require(element: number, component = 0): string {
    const value = this.get(element, component);
    if (value === undefined) {
      throw new RangeError(
        `segment ${this.index} (${this.tag}): element ${element + 1} component ${component + 1} is empty`,
      );
    }
    return value;
  }

  /** The components of one element ([] when absent). */
  element(element: number): string[] {
    return this.elements[element] ?? [];
  }

  /** Every occurrence of a repeatable element (one item when it was not repeated). */
  occurrences(element: number): string[][] {
    return this.repeats?.[element] ?? (this.elements[element] ? [this.elements[element]] : []);
  }

  /** True when element `element` has a non-empty component `component`. */
  has(element: number, component = 0): boolean {
    return this.get(element, component) !== undefined;
  }

  /** Location for a TradeError pointing at this segment. */
  location(): { segmentIndex: number; segmentTag: string; line: number; offset: number } {
    return { segmentIndex: this.index, segmentTag: this.tag, line: this.line, offset: this.offset };
  }

  toJSON(): { tag: string; elements: string[][]; repeats?: Record<number, string[][]> } {
    return this.repeats
      ? { tag: this.tag, elements: this.elements, repeats: this.repeats }
      : { tag: this.tag, elements: this.elements };
  }
}
