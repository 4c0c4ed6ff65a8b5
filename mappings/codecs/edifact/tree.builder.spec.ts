import { readFileSync } from 'fs';
import { join } from 'path';
import { parseEdifact } from './edifact.parser';

const wrap = (body: string[]): string =>
  `UNB+UNOA:3+S+R+240315:0930+R1'UNH+1+IFTSTA:D:00B:UN'${body.join('')}UNT+${body.length + 2}+1'UNZ+1+R1'`;

describe('message tree', () => {
  const [message] = parseEdifact(
    readFileSync(join(__dirname, '__fixtures__', 'golden', 'iftsta-groups.edi')),
  );
  const tree = message.tree;

  it('nests groups by structure and finds them by number or trigger tag', () => {
    const consignment = tree.group('SG4')!;
    expect(tree.group('CNI')).toBe(consignment);
    const status = consignment.group('STS')!;
    expect(status.qualified('RFF', 'BN')).toHaveLength(1);
    expect(status.segments('RFF').map((r) => [r.get(0), r.get(0, 1)])).toEqual([
      ['BN', 'BK001'],
      ['BM', 'MAEU123456789'],
    ]);
    expect(status.group('TDT')!.group('LOC')!.head!.get(1)).toBe('CNNGB');
    expect(status.group('SG8')!.segment('MEA')!.get(2, 1)).toBe('22100');
    expect(tree.findAll('DTM')).toHaveLength(3);
  });

  it('reads elements and components with get/require/element', () => {
    const tdt = tree.findAll('TDT')[0];
    expect(tdt.get(4, 0)).toBe('MAEU');
    expect(tdt.get(3)).toBeUndefined();
    expect(tdt.element(4)).toEqual(['MAEU', '172', '20']);
    expect(() => tdt.require(3)).toThrow(/segment 13 \(TDT\): element 4 component 1 is empty/);
    expect(tdt.location()).toEqual({ segmentIndex: 13, segmentTag: 'TDT', line: 14, offset: 293 });
  });
});

describe('structure validation', () => {
  it.each([
    ['an unexpected segment', ["BGM+23+X+9'", "XYZ+1'"], '15', 'XYZ', 4],
    ['a missing mandatory segment', ["DTM+137:2024'"], '13', 'DTM', 3],
    ['a segment repeated too often', ["BGM+23+X+9'", "BGM+23+Y+9'"], '35', 'BGM', 4],
    [
      'a group repeated too often',
      ["BGM+23+X+9'", ...Array(10).fill("NAD+CZ+X'")],
      '36',
      'NAD',
      13,
    ],
  ])('locates %s', (_what, body, code, segmentTag, segmentIndex) => {
    expect(() => parseEdifact(wrap(body as string[]))).toThrow(
      expect.objectContaining({
        code,
        location: expect.objectContaining({ segmentTag, segmentIndex }),
      }),
    );
  });

  it('keeps unknown message types flat', () => {
    const [m] = parseEdifact("UNH+1+ZZZZZZ:D:96A:UN'ABC+1'UNT+3+1'");
    expect(m.structured).toBe(false);
    expect(m.tree.children.map((c) => ('tag' in c ? c.tag : c.id))).toEqual(['UNH', 'ABC', 'UNT']);
  });
});
