import { join } from 'node:path';
import { buildTree, edifactCodec, EdifactSegment } from '../codecs/edifact';
import { outboundCases, readCase, renderCase } from './__fixtures__/outbound-cases';
import {
  layoutProblems,
  segmentDirectory,
  segmentTable,
  sharedDir,
} from './__fixtures__/unece-directory';

const rendered = outboundCases().map((name) => {
  const body = renderCase(readCase(name)).body;
  const [message] = edifactCodec.decode(body, { format: 'edifact', standard: 'UN/EDIFACT' });
  return { name, message: message.tree };
});

// Runs only when ../shared is there (jest.config.js); CI fails when it is missing.
const shared = sharedDir();
if (!shared) throw new Error('shared/schemas/edifact not found (set TRADEHUB_SHARED_DIR)');
const dir = join(shared, 'schemas', 'edifact');
const tables = {
  'D.96A': segmentTable(join(dir, 'unece-d96a', 'IFTMIN_D.96A'), 'IFTMIN', 'D.96A'),
  'D.00B': segmentTable(join(dir, 'unece-d00b', 'IFTMIN_D.00B'), 'IFTMIN', 'D.00B'),
};
const d96a = segmentDirectory(join(dir, 'unece-d96a', 'TRSD.96A'));

describe('IFTMIN against the UNECE directories', () => {
  it.each(Object.keys(tables))('every case follows the %s segment table', (version) => {
    for (const { message } of rendered) {
      expect(() =>
        buildTree(message.segments, tables[version as keyof typeof tables]),
      ).not.toThrow();
    }
  });

  it('every segment fits its D.96A layout (elements, components, lengths, mandatory parts)', () => {
    for (const { message } of rendered) {
      const body = message.segments.filter((s) => s.tag !== 'UNH' && s.tag !== 'UNT');
      expect(body.flatMap((s) => layoutProblems(s, d96a))).toEqual([]);
    }
  });

  it('would notice a segment out of its directory or too long a value', () => {
    // GDS (nature of cargo) came into the IFTMIN header with D.00B, after DOC.
    const segments = rendered[0].message.segments;
    const at = segments.findIndex((s) => s.tag === 'LOC');
    const gds = new EdifactSegment('GDS', [['11']], at + 1);
    const withGds = [...segments.slice(0, at), gds, ...segments.slice(at)];
    expect(() => buildTree(withGds, tables['D.96A'])).toThrow(/GDS/);
    expect(() => buildTree(withGds, tables['D.00B'])).not.toThrow();
    expect(layoutProblems(new EdifactSegment('SEL', [['PS11882019XX'], ['CA']]), d96a)).toEqual([
      'SEL 9308/9308: "PS11882019XX" longer than 10',
    ]);
  });
});
