import type { Location } from './api';

export interface RawLine {
  text: string;
  /** Where the line starts in the payload (characters), to match an error's offset. */
  offset: number;
}

/** EDIFACT one segment per line, XML indented, anything else (MT, X12, JSON) as it came. */
export function rawLines(text: string, format: string | null): RawLine[] {
  if (format === 'edifact' || /^(UNA|UNB)/.test(text))
    return splitSegments(text, edifactTerminator(text), '?');
  if (format === 'x12' || text.startsWith('ISA'))
    return splitSegments(text, text.charAt(105) || '~', '');
  if (format === 'xml' || text.trimStart().startsWith('<')) return offsets(prettyXml(text));
  if (text.trimStart().startsWith('{')) return offsets(prettyJson(text));
  return offsets(text.split(/\r?\n/));
}

function edifactTerminator(text: string): string {
  return text.startsWith('UNA') ? text.charAt(8) : "'";
}

function splitSegments(text: string, terminator: string, release: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === release) i++;
    else if (text[i] === terminator) {
      pushTrimmed(lines, text.slice(start, i + 1), start);
      start = i + 1;
    }
  }
  pushTrimmed(lines, text.slice(start), start);
  return lines;
}

function pushTrimmed(lines: RawLine[], segment: string, offset: number): void {
  const lead = segment.length - segment.trimStart().length;
  const text = segment.trim();
  if (text) lines.push({ text, offset: offset + lead });
}

function offsets(lines: string[]): RawLine[] {
  return lines.map((text) => ({ text, offset: -1 }));
}

function prettyJson(text: string): string[] {
  try {
    return JSON.stringify(JSON.parse(text), null, 2).split('\n');
  } catch {
    return text.split('\n');
  }
}

/** Indents tags one level per depth; text stays on its element's line. */
function prettyXml(text: string): string[] {
  const tokens = text.replace(/>\s+</g, '><').split(/(?=<)|(?<=>)/);
  const lines: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (!token.trim()) continue;
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      const last = lines[lines.length - 1];
      if (last && !last.trimStart().startsWith('<')) {
        lines[lines.length - 2] += lines.pop()!.trim() + token;
        continue;
      }
      lines.push('  '.repeat(depth) + token);
    } else if (token.startsWith('<')) {
      lines.push('  '.repeat(depth) + token);
      if (!token.endsWith('/>') && !token.startsWith('<?') && !token.startsWith('<!')) depth++;
    } else lines.push(token);
  }
  return lines;
}

/** The line an error points at: by offset, else by segment number or tag, else by line. */
export function errorLine(lines: RawLine[], location: Location | undefined): number {
  if (!location) return -1;
  const { offset, segmentIndex, segmentTag, line } = location;
  if (offset !== undefined && lines.some((l) => l.offset >= 0)) {
    let found = -1;
    lines.forEach((l, i) => {
      if (l.offset >= 0 && l.offset <= offset) found = i;
    });
    if (found >= 0) return found;
  }
  if (segmentIndex !== undefined && lines[segmentIndex - 1]) {
    const candidate = lines[segmentIndex - 1];
    if (!segmentTag || candidate.text.startsWith(segmentTag)) return segmentIndex - 1;
  }
  if (segmentTag) {
    const byTag = lines.findIndex((l) => l.text.startsWith(segmentTag + '+'));
    if (byTag >= 0) return byTag;
  }
  if (line !== undefined && lines[line - 1]) return line - 1;
  return -1;
}
