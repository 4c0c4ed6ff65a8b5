import type { Separators } from './separators.syntax';

export interface SplitSegment {
  elements: string[][];
  repeats?: Record<number, string[][]>;
  /** Raw line breaks met (and dropped) inside the data. */
  lineBreaks: number;
}

const NONE: SplitSegment = { elements: [], lineBreaks: 0 };

/**
 * Splits the data of one segment (the text between the tag's element separator and the
 * terminator) into elements, components and repetitions, undoing release characters. Raw CR/LF
 * inside data are dropped: they come from senders that wrap lines at a fixed width.
 */
export function splitSegmentData(data: string | null, s: Separators): SplitSegment {
  if (data === null) return NONE;
  const plain =
    (s.release === null || !data.includes(s.release)) &&
    (s.repetition === null || !data.includes(s.repetition)) &&
    !data.includes('\n') &&
    !data.includes('\r');
  if (plain) {
    // Fast path: native split when nothing needs releasing or repeating.
    const parts = data.split(s.element);
    const elements = new Array<string[]>(parts.length);
    for (let i = 0; i < parts.length; i++) elements[i] = parts[i].split(s.component);
    return { elements, lineBreaks: 0 };
  }
  return splitSlow(data, s);
}

function splitSlow(data: string, s: Separators): SplitSegment {
  const elements: string[][] = [];
  let repeats: Record<number, string[][]> | undefined;
  let occurrences: string[][] = [];
  let components: string[] = [];
  let value = '';
  let run = 0;
  let lineBreaks = 0;
  const closeElement = (): void => {
    occurrences.push(components);
    if (occurrences.length > 1) (repeats ??= {})[elements.length] = occurrences;
    elements.push(occurrences[0]);
    occurrences = [];
    components = [];
  };
  for (let i = 0; i < data.length; i++) {
    const c = data.charAt(i);
    if (c === s.release) {
      value += data.slice(run, i) + data.charAt(i + 1);
      run = ++i + 1;
      continue;
    }
    if (c !== s.component && c !== s.element && c !== s.repetition && c !== '\n' && c !== '\r') {
      continue;
    }
    value += data.slice(run, i);
    run = i + 1;
    if (c === '\n' || c === '\r') {
      if (c === '\n') lineBreaks++;
      continue;
    }
    components.push(value);
    value = '';
    if (c === s.element) closeElement();
    else if (c === s.repetition) {
      occurrences.push(components);
      components = [];
    }
  }
  components.push(value + data.slice(run));
  closeElement();
  return repeats ? { elements, repeats, lineBreaks } : { elements, lineBreaks };
}
