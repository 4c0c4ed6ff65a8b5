/** Line and column (both from 1) of offsets in a text, with the line starts found once. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  locate(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** One-off line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).locate(offset);
}
