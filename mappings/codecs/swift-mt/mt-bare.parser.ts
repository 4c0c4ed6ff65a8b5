import { parseFieldLines, TAG_LINE } from './mt-block4.parser';
import type { MtMessage } from './mt.types';
import { pushAll } from '../../../core/collections';

/** The closing line of a bare statement: '-', sometimes with a few letters after it ('-XXX'). */
const CLOSING = /^-([A-Z]{0,3})\s*$/;

class BareCollector {
  readonly out: MtMessage[] = [];
  private lines: string[] = [];
  private numbers: number[] = [];
  private preamble: string[] = [];
  hasTag = false;
  /** A :20: was seen: the next :20: opens the next message. */
  hasReference = false;

  constructor(private readonly lineEnding: MtMessage['lineEnding']) {}

  add(line: string, number: number): void {
    if (TAG_LINE.test(line)) this.hasTag = true;
    if (line.startsWith(':20:')) this.hasReference = true;
    this.lines.push(line);
    this.numbers.push(number);
  }

  flush(trailer: string | null): void {
    const { fields, leading } = parseFieldLines(this.lines, (i) => this.numbers[i]);
    if (fields.length) {
      this.out.push({
        framing: 'bare',
        fields,
        preamble: [...this.preamble, ...leading],
        trailer,
        lineEnding: this.lineEnding,
        issues: [],
      });
      this.preamble = [];
    } else pushAll(this.preamble, leading);
    this.lines = [];
    this.numbers = [];
    this.hasTag = false;
    this.hasReference = false;
  }
}

/**
 * Block 4 text without headers, as banks export .sta files: messages end at a '-' line or
 * where a second :20: starts; lines before a message's first tag are its export header.
 * Empty lines only separate (some exports put them between statements or lines).
 */
export function parseBareMessages(text: string, lineEnding: MtMessage['lineEnding']): MtMessage[] {
  const collector = new BareCollector(lineEnding);
  text.split(/\r?\n/).forEach((line, i) => {
    if (line === '') return;
    const closing = collector.hasTag ? CLOSING.exec(line) : null;
    if (closing) return collector.flush(closing[1]);
    if (collector.hasReference && line.startsWith(':20:')) collector.flush(null);
    collector.add(line, i + 1);
  });
  collector.flush(null);
  return collector.out;
}
