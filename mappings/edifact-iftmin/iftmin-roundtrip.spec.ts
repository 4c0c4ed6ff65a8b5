import { join } from 'node:path';
import { buildTree, edifactCodec, EdifactSegment, type EdifactMessage } from '../codecs/edifact';
import { outboundCases, readCase, renderCase } from './__fixtures__/outbound-cases';
import {
  layoutProblems,
  segmentDirectory,
  segmentTable,
  sharedDir,
} from './__fixtures__/unece-directory';

const decodeOne = (body: Buffer): EdifactMessage => {
  const messages = edifactCodec.decode(body, { format: 'edifact', standard: 'UN/EDIFACT' });
  expect(messages).toHaveLength(1);
  return messages[0].tree;
};
const rendered = outboundCases().map((name) => ({
  name,
  message: decodeOne(renderCase(readCase(name)).body),
}));

describe('IFTMIN round trip through the codec', () => {
  it.each(['D.95B', 'D.96A', 'D.99B', 'D.00B', 'D.01B', 'D.16A', 'D.21A'])(
    'every case re-parses and fits the codec IFTMIN structure when written for %s',
    (directory) => {
      for (const name of outboundCases()) {
        const m = decodeOne(renderCase(readCase(name), { directory }).body);
        expect(m).toMatchObject({
          messageType: 'IFTMIN',
          version: directory,
          structured: true,
          warnings: [],
        });
        expect(
          m.tree
            .group('TDT')
            ?.groups('LOC')
            .map((g) => g.head?.get(1, 0)),
        ).toHaveLength(2);
        expect(m.tree.groups('NAD').length).toBeGreaterThan(0);
        expect(m.tree.groups('GID').length).toBeGreaterThan(0);
      }
    },
  );

  it('keeps references, totals and escaped text readable on the way back', () => {
    const booking = rendered.find((r) => r.name === 'sino-booking-request')
      ?.message as EdifactMessage;
    expect(booking.tree.segment('BGM')?.elements).toEqual([['335'], ['BR-HT-25-0417'], ['9']]);
    expect(booking.tree.segments('FTX')[0].get(3, 1)).toBe(
      "Shipper's own 20' box SNLU3107727 to be picked up at Beilun depot.",
    );
    expect(booking.tree.segments('CNT').map((c) => c.element(0))).toEqual([
      ['7', '18250.5', 'KGM'],
      ['11', '1240'],
      ['16', '3'],
    ]);
  });
});

// Checks against the UNECE directory extracts when the read-only shared folder is there.
const shared = sharedDir();
if (!shared) {
  console.warn(
    'shared/schemas/edifact not found (set TRADEHUB_SHARED_DIR): IFTMIN UNECE D.96A/D.00B checks not run',
  );
} else {
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
}
