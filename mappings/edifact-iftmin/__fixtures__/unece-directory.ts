import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineStructure, type EdifactSegment, type MessageStructure } from '../../codecs/edifact';

/**
 * Test support: the UNECE directory extracts in the read-only shared folder, read as message
 * structures (4.3.1 segment table) and segment layouts (TRSD). Absent shared folder -> undefined.
 */
export function sharedDir(): string | undefined {
  const dir = process.env.TRADEHUB_SHARED_DIR ?? resolve(__dirname, '../../..', '../shared');
  return existsSync(join(dir, 'schemas', 'edifact')) ? dir : undefined;
}

const TABLE_LINE =
  /^(\d{4})\s+[*+#|X-]?\s*(?:-{5} Segment group (\d+)\s*-+|([A-Z]{3}) .*?)\s+([MC])\s+(\d+)(.*)$/;

/** The "4.3.1 Segment table" of a UNECE message file as a codec structure. */
export function segmentTable(file: string, messageType: string, basis: string): MessageStructure {
  const text = readFileSync(file, 'latin1');
  const start = text.lastIndexOf('4.3.1  Segment table');
  const lines: string[] = [];
  let depth = 0;
  for (const raw of text.slice(start).split(/\r?\n/)) {
    // Older directories draw the boxes in code page 437: ─ dash, ┐ ┘ ┴ corners, │ side.
    const m = TABLE_LINE.exec(
      raw
        .replace(/\xC4/g, '-')
        .replace(/[\xBF\xD9\xC1]/g, '+')
        .replace(/\xB3/g, '|'),
    );
    if (!m) continue;
    const [, , group, tag, status, repeat, tail] = m;
    const pad = '  '.repeat(depth);
    if (group) {
      lines.push(`${pad}SG${group} ${status}${repeat}`);
      depth++;
      continue;
    }
    lines.push(`${pad}${tag} ${status}${repeat}`);
    depth -= (tail.match(/\+/g) ?? []).length;
    if (tag === 'UNT') break;
  }
  return defineStructure(messageType, basis, lines.join('\n'));
}

interface Field {
  id: string;
  mandatory: boolean;
  /** 'an', 'a' or 'n' and the maximum length; undefined for a composite. */
  repr?: { kind: string; max: number };
  components: Field[];
}

const ELEMENT =
  /^(\d{3})\s+[*+#|X-]?\s*([A-Z0-9]{4})\s+.+?\s([MC])(?:\s+(an|a|n)(\.\.)?(\d+))?\s*$/;
const COMPONENT = /^\s{4,}[*+#|X-]?\s*(\d{4})\s+.+?\s([MC])\s+(an|a|n)(\.\.)?(\d+)\s*$/;
const SEGMENT = /^\s{2,8}[*+#|X-]?\s*([A-Z]{3})\s{2,}[A-Z][A-Z /,&-]+$/;

/** Segment layouts of a TRSD file: tag -> its data elements with their components. */
export function segmentDirectory(file: string): Map<string, Field[]> {
  const out = new Map<string, Field[]>();
  let current: Field[] | undefined;
  for (const raw of readFileSync(file, 'latin1').split(/\r?\n/)) {
    const seg = SEGMENT.exec(raw);
    if (seg) {
      current = [];
      out.set(seg[1], current);
      continue;
    }
    const el = ELEMENT.exec(raw);
    if (el && current) {
      current.push({
        id: el[2],
        mandatory: el[3] === 'M',
        repr: el[4] ? { kind: el[4], max: Number(el[6]) } : undefined,
        components: [],
      });
      continue;
    }
    const c = COMPONENT.exec(raw);
    const parent = current?.[current.length - 1];
    if (c && parent && parent.id.startsWith('C')) {
      parent.components.push({
        id: c[1],
        mandatory: c[2] === 'M',
        repr: { kind: c[3], max: Number(c[5]) },
        components: [],
      });
    }
  }
  return out;
}

/** Where a segment breaks its directory layout: too many elements or components, too long, missing. */
export function layoutProblems(segment: EdifactSegment, directory: Map<string, Field[]>): string[] {
  const fields = directory.get(segment.tag);
  if (!fields) return [`${segment.tag}: not in the directory`];
  const problems: string[] = [];
  if (segment.elements.length > fields.length)
    problems.push(`${segment.tag}: ${segment.elements.length} elements, ${fields.length} defined`);
  fields.forEach((field, i) => {
    const values = segment.elements[i] ?? [];
    const present = values.some((v) => v !== '');
    if (field.mandatory && !present)
      problems.push(`${segment.tag} ${field.id}: mandatory and empty`);
    if (!present) return;
    const parts = field.components.length ? field.components : [field];
    if (values.length > parts.length)
      problems.push(
        `${segment.tag} ${field.id}: ${values.length} components, ${parts.length} defined`,
      );
    parts.forEach((part, j) => {
      const v = values[j] ?? '';
      if (part.mandatory && v === '')
        problems.push(`${segment.tag} ${field.id}/${part.id}: mandatory and empty`);
      const size = part.repr?.kind === 'n' ? v.replace(/[.-]/g, '').length : v.length;
      if (part.repr && size > part.repr.max)
        problems.push(`${segment.tag} ${field.id}/${part.id}: "${v}" longer than ${part.repr.max}`);
      if (part.repr?.kind === 'n' && v !== '' && !/^-?\d+(\.\d+)?$/.test(v))
        problems.push(`${segment.tag} ${field.id}/${part.id}: "${v}" is not numeric`);
    });
  });
  return problems;
}
