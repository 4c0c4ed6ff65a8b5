import Reader from 'edifact/reader';
import { edifactCodec, createEdifactCodec } from './edifact.codec';
import { parseEdifact } from './edifact.parser';
import { buildInterchange } from './interchange.builder';
import { structureRegistry } from './structures/structure.registry';

const unb = (syntax: string, ref = 'R1'): string =>
  `UNB+${syntax}+SND:ZZZ+RCV:ZZZ+240315:0930+${ref}'`;
const iftsta = (ref: string): string => `UNH+${ref}+IFTSTA:D:96A:UN'BGM+23+${ref}+9'UNT+3+${ref}'`;
const decode = (text: string | Buffer) => {
  const input = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  return edifactCodec.decode(input, edifactCodec.detect(input)!);
};

describe('edifactCodec.detect', () => {
  it('reads standard, version, message type and charset with or without UNA', () => {
    const bare = Buffer.from(`${unb('UNOC:3')}${iftsta('1')}UNZ+1+R1'`);
    expect(edifactCodec.detect(bare)).toEqual({
      format: 'edifact',
      standard: 'UN/EDIFACT',
      version: 'D.96A',
      messageType: 'IFTSTA',
      charset: 'iso-8859-1',
    });
    const una = Buffer.from(`\uFEFF\r\n  UNA:+.? '\n${unb('UNOY:4')}\n${iftsta('1')}UNZ+1+R1'`);
    expect(edifactCodec.detect(una)).toMatchObject({ version: 'D.96A', charset: 'utf-8' });
  });

  it('returns null for other formats', () => {
    expect(edifactCodec.detect(Buffer.from('<?xml version="1.0"?><a/>'))).toBeNull();
    expect(edifactCodec.detect(Buffer.from('ISA*00*          *00*'))).toBeNull();
  });
});

describe('edifactCodec.decode', () => {
  it('gives one message per UNH with its reference and interchange facts', () => {
    const text = `${unb('UNOA:3', 'A1')}${iftsta('1')}${iftsta('2')}UNZ+2+A1'${unb('UNOA:3', 'A2')}${iftsta('3')}UNZ+1+A2'`;
    const messages = decode(text);
    expect(messages.map((m) => [m.index, m.messageRef, m.interchange?.controlRef])).toEqual([
      [0, '1', 'A1'],
      [1, '2', 'A1'],
      [2, '3', 'A2'],
    ]);
    expect(messages[0].interchange).toMatchObject({
      senderId: 'SND',
      senderQualifier: 'ZZZ',
      preparedAt: '2024-03-15T09:30:00Z',
    });
  });

  it('decodes each interchange with its own character set', () => {
    const first = Buffer.from(
      `${unb('UNOC:3', 'A1')}UNH+1+IFTSTA:D:96A:UN'BGM+23+Café+9'UNT+3+1'UNZ+1+A1'`,
      'latin1',
    );
    const second = Buffer.from(
      `${unb('UNOY:4', 'A2')}UNH+2+IFTSTA:D:96A:UN'BGM+23+宁波+9'UNT+3+2'UNZ+1+A2'`,
      'utf8',
    );
    const [a, b] = decode(Buffer.concat([first, second]));
    expect(a.tree.tree.segment('BGM')!.get(1)).toBe('Café');
    expect(b.tree.tree.segment('BGM')!.get(1)).toBe('宁波');
    expect(b.tree.segments[1].offset).toBe(
      first.length + Buffer.byteLength(`${unb('UNOY:4', 'A2')}UNH+2+IFTSTA:D:96A:UN'`),
    );
  });

  it('encodes and decodes ISO 8859 levels through iconv (UNOD, UNOE)', () => {
    for (const [syntaxId, text] of [
      ['UNOD', 'Łódź'],
      ['UNOE', 'Москва'],
    ]) {
      const bytes = buildInterchange({
        syntaxId,
        syntaxVersion: '3',
        sender: { id: 'S' },
        recipient: { id: 'R' },
        preparedAt: new Date('2024-03-15T09:30:00Z'),
        controlRef: 'C1',
        messages: [
          {
            messageRef: '1',
            messageType: 'IFTSTA',
            version: 'D.96A',
            segments: [{ tag: 'BGM', elements: ['23', text] }],
          },
        ],
      });
      expect(bytes.length).toBeLessThan(Buffer.byteLength(bytes.toString('latin1'), 'utf8'));
      expect(parseEdifact(bytes)[0].segments[1].get(1)).toBe(text);
    }
  });

  it('reads ISO 9735 level B information separators when there is no UNA', () => {
    const text =
      'UNB\x1dUNOB\x1f3\x1dS\x1dR\x1d240315\x1f0930\x1dR1\x1cUNH\x1d1\x1dIFTSTA\x1fD\x1f96A\x1fUN\x1cBGM\x1d23\x1dX?1\x1cUNT\x1d3\x1d1\x1cUNZ\x1d1\x1dR1\x1c';
    expect(decode(text)[0].tree.segments[1].elements).toEqual([['23'], ['X?1']]);
  });

  it('checks UNG/UNE and counts groups in UNZ', () => {
    const group = (ref: string, n = 1) =>
      `UNG+IFTSTA+S+R+240315:0930+${ref}+UN+D:96A'${iftsta(ref)}UNE+${n}+${ref}'`;
    expect(decode(`${unb('UNOA:3')}${group('G1')}${group('G2')}UNZ+2+R1'`)).toHaveLength(2);
    expect(() => decode(`${unb('UNOA:3')}${group('G1', 2)}UNZ+1+R1'`)).toThrow(/UNE count 2/);
    expect(() => decode(`${unb('UNOA:3')}${group('G1')}${iftsta('9')}UNZ+2+R1'`)).toThrow(
      expect.objectContaining({ code: '30' }),
    );
  });

  it('rejects wrong references, and only warns about them when lenient', () => {
    const text = `${unb('UNOA:3')}UNH+1+IFTSTA:D:96A:UN'BGM+23+X+9'UNT+3+2'UNZ+1+R9'`;
    expect(() => decode(text)).toThrow(
      expect.objectContaining({
        code: '28',
        location: expect.objectContaining({ segmentTag: 'UNT', segmentIndex: 4 }),
      }),
    );
    const [m] = createEdifactCodec({ checks: 'lenient' }).decode(
      Buffer.from(text),
      edifactCodec.detect(Buffer.from(text))!,
    );
    expect(m.tree.warnings).toEqual([expect.stringContaining('UNT reference 2')]);
    expect(m.tree.interchange!.warnings).toEqual([expect.stringContaining('UNZ reference R9')]);
  });

  it('rejects a missing UNZ, and only warns about it when lenient after complete messages', () => {
    const text = `${unb('UNOA:3')}${iftsta('1')}${iftsta('2')}`;
    expect(() => decode(text)).toThrow(
      expect.objectContaining({
        code: '13',
        location: expect.objectContaining({ segmentTag: 'UNZ' }),
      }),
    );
    const lenient = createEdifactCodec({ checks: 'lenient' });
    const messages = lenient.decode(Buffer.from(text), edifactCodec.detect(Buffer.from(text))!);
    expect(messages.map((m) => m.messageRef)).toEqual(['1', '2']);
    expect(messages[0].tree.interchange!.warnings).toEqual([
      'input ends without UNZ (interchange R1) after 2 complete message(s): trailer missing (segment 8)',
    ]);
    // A message cut before its UNT is still refused: its content may be incomplete.
    const cut = `${unb('UNOA:3')}UNH+1+IFTSTA:D:96A:UN'BGM+23+1+9'`;
    expect(() => lenient.decode(Buffer.from(cut), edifactCodec.detect(Buffer.from(cut))!)).toThrow(
      /input ends without UNT/,
    );
  });

  it('rejects a segment outside a message and an invalid tag with their location', () => {
    expect(() => decode(`UNA:+.? '\nBGM+1'\nUNH+1+IFTSTA:D:96A:UN'`)).toThrow(
      expect.objectContaining({
        code: '33',
        location: { segmentIndex: 1, segmentTag: 'BGM', line: 2, offset: 10 },
      }),
    );
    expect(() => decode(`${unb('UNOA:3')}UNH+1+IFTSTA:D:96A:UN'bgm+1'`)).toThrow(
      /invalid segment tag "bgm"/,
    );
  });

  it('splits like the bare edifact Reader where that reader is right', () => {
    const text = `UNA:+.? '${unb('UNOA:3')}UNH+1+IFTSTA:D:96A:UN'BGM+23+A?+B:C?:D+9'FTX+AAI+++X??Y'UNT+4+1'UNZ+1+R1'`;
    const bare = new Reader({ autoDetectEncoding: false }).parse(text) as Array<{
      name: string;
      elements: string[][];
    }>;
    const ours = parseEdifact(text).flatMap((m) => [m.interchange!.unb, ...m.segments]);
    expect(ours.map((s) => [s.tag, s.elements])).toEqual(
      bare.slice(0, -1).map((s) => [s.name, s.elements]),
    );
  });
});

describe('structure registry', () => {
  it('holds the fourteen message types', () => {
    expect([...structureRegistry.keys()].sort()).toEqual([
      'COARRI',
      'CODECO',
      'CONTRL',
      'COPARN',
      'CUSDEC',
      'CUSRES',
      'DESADV',
      'IFTMBC',
      'IFTMIN',
      'IFTSTA',
      'INVOIC',
      'INVRPT',
      'ORDERS',
      'VERMAS',
    ]);
  });
});
