import type { MtField } from './mt.types';

/** A field starts on a line `:NNa:`; any other line (even one starting with ':') continues it. */
export const TAG_LINE = /^:(\d{2}[A-Z]?):/;

/**
 * Turns block 4 lines into fields. Lines before the first tag are returned as `leading` (a
 * bank export header in bare files; an error in FIN framing, decided by the caller).
 */
export function parseFieldLines(
  lines: string[],
  lineNo: (index: number) => number,
): { fields: MtField[]; leading: string[] } {
  const fields: MtField[] = [];
  const leading: string[] = [];
  let current: MtField | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const tag = TAG_LINE.exec(text);
    if (tag) {
      current = { tag: tag[1], value: text.slice(tag[0].length), line: lineNo(i) };
      fields.push(current);
    } else if (current) {
      current.value += `\n${text}`;
    } else {
      leading.push(text);
    }
  }
  return { fields, leading };
}

/** Monotonic offset -> line counter, so large files are scanned once. */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  at(offset: number): number {
    let nl = this.text.indexOf('\n', this.offset);
    while (nl !== -1 && nl < offset) {
      this.line++;
      nl = this.text.indexOf('\n', nl + 1);
    }
    this.offset = Math.max(this.offset, offset);
    return this.line;
  }
}
