import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Detection } from '../../core/translation/contract';
import { parseEdifact } from '../codecs/edifact';
import { exampleUs3plSettings } from '../x12-warehouse';
import { acknowledgementFor, type AckRequest } from './acknowledgements';

const edifact: Detection = { format: 'edifact', standard: 'UN/EDIFACT', messageType: 'IFTSTA' };
const received = (unt = 5) =>
  Buffer.from(
    "UNA:+.? 'UNB+UNOC:3+LINE:ZZZ+HUB:ZZZ+250612:0815+IC77'UNH+M1+IFTSTA:D:99B:UN'" +
      `BGM+23+X1+9'CNI+1+B1'STS+1+QQ'UNT+${unt}+M1'UNZ+1+IC77'`,
    'latin1',
  );
const request = (over: Partial<AckRequest>): AckRequest => ({
  raw: received(),
  detection: edifact,
  controlNumber: 41,
  at: '2025-06-12T08:20:00Z',
  partnerId: 'line',
  settings: {},
  ...over,
});
const contrlOf = (over: Partial<AckRequest>) => {
  const rendered = acknowledgementFor(over.detection ?? edifact)!(request(over))!;
  const [message] = parseEdifact(rendered.body);
  const seg = (tag: string) => message.segments.find((s) => s.tag === tag);
  return { rendered, message, seg };
};

describe('acknowledgements', () => {
  it("dates the CONTRL's UNB in the partner's zone, as its IFTMIN", () => {
    expect(contrlOf({ settings: {} }).rendered.body.toString()).toContain('+250612:0820+41');
    expect(contrlOf({ settings: { timeZone: '+08:00' } }).rendered.body.toString()).toContain(
      '+250612:1620+41',
    );
  });

  it('refuses an interchange from a sender the partner record does not know (UCI 4, code 23)', () => {
    const failure = {
      stage: 'receive' as const,
      kind: 'rejected' as const,
      message: 'x',
      code: '23',
    };
    const { seg, message } = contrlOf({ failure });
    expect(seg('UCI')?.elements.slice(3)).toEqual([['4'], ['23']]);
    expect(message.segments.map((s) => s.tag)).toEqual(['UNH', 'UCI', 'UNT']);
  });

  it('accepts a mapped interchange with a CONTRL naming it, sent back to its sender', () => {
    const { rendered, message, seg } = contrlOf({});
    expect(rendered).toMatchObject({ messageType: 'CONTRL', messageRef: '41', format: 'edifact' });
    expect(rendered.fileName).toBe('CONTRL_41.edi');
    expect(message.interchange).toMatchObject({
      senderId: 'HUB',
      recipientId: 'LINE',
      controlRef: '41',
    });
    expect([seg('UCI')!.get(0), seg('UCI')!.get(1), seg('UCI')!.get(3)]).toEqual([
      'IC77',
      'LINE',
      '7',
    ]);
    expect([seg('UCM')!.get(0), seg('UCM')!.get(2)]).toEqual(['M1', '7']);
  });

  it('rejects a wrong UNT count at the message trailer (syntax, from the codec)', () => {
    const { seg } = contrlOf({
      raw: received(9),
      failure: {
        stage: 'parse',
        kind: 'rejected',
        message: 'UNT count',
        location: { segmentTag: 'UNT' },
      },
    });
    expect(seg('UCI')!.get(3)).toBe('4');
    expect([seg('UCM')!.get(2), seg('UCM')!.get(4)]).toEqual(['4', 'UNT']);
  });

  it('rejects a mapping failure at the segment it names (UNH = 1)', () => {
    const { seg } = contrlOf({
      failure: {
        stage: 'map',
        kind: 'mapping',
        message: 'unknown status QQ',
        location: { segmentIndex: 5, segmentTag: 'STS' }, // UNB = 1
        messageIndex: 0,
      },
    });
    expect([seg('UCI')!.get(0), seg('UCI')!.get(3)]).toEqual(['IC77', '4']);
    expect([seg('UCM')!.get(0), seg('UCM')!.get(2)]).toEqual(['M1', '4']);
    expect([seg('UCS')!.get(0), seg('UCS')!.get(1)]).toEqual(['4', '12']);
  });

  it('answers a mapping failure with an APERAK to a partner that takes it, syntax with CONTRL', () => {
    const mapping = {
      stage: 'map' as const,
      kind: 'mapping' as const,
      message: 'status code QQ is not in the partner code list (segment 5 STS)',
      location: { segmentIndex: 5, segmentTag: 'STS' },
      messageIndex: 0,
    };
    const settings = { applicationAck: 'APERAK' };
    const { rendered, message, seg } = contrlOf({ failure: mapping, settings });
    expect(rendered).toMatchObject({ messageType: 'APERAK', fileName: 'APERAK_41.edi' });
    expect(message.messageType).toBe('APERAK');
    expect(message.interchange).toMatchObject({ senderId: 'HUB', recipientId: 'LINE' });
    expect([seg('BGM')!.get(0), seg('BGM')!.get(2), seg('BGM')!.get(3)]).toEqual([
      '313',
      '27',
      'RE',
    ]);
    expect(seg('RFF')!.element(0)).toEqual(['ACW', 'M1']);
    expect(seg('ERC')!.get(0, 0)).toBe('mapping');
    expect(seg('FTX')!.element(3).join('')).toContain('QQ');
    const syntax = { ...mapping, stage: 'parse' as const, kind: 'rejected' as const };
    expect(contrlOf({ raw: received(9), failure: syntax, settings }).rendered.messageType).toBe(
      'CONTRL',
    );
  });

  it('never acknowledges an acknowledgement, nor formats without a standard one', () => {
    expect(acknowledgementFor({ ...edifact, messageType: 'CONTRL' })).toBeUndefined();
    expect(
      acknowledgementFor({ format: 'x12', standard: 'ANSI X12', messageType: '997' }),
    ).toBeUndefined();
    expect(acknowledgementFor({ format: 'json', standard: 'JSON' })).toBeUndefined();
  });

  it('answers X12 with a 997 from the partner ids', () => {
    const raw = readFileSync(join(__dirname, '../x12-945/golden/parcel-short-ship.edi'));
    const x12: Detection = { format: 'x12', standard: 'ANSI X12', messageType: '945' };
    const rendered = acknowledgementFor(x12)!(
      request({ raw, detection: x12, settings: exampleUs3plSettings }),
    )!;
    expect(rendered).toMatchObject({ messageType: '997', format: 'x12', messageRef: '41' });
    expect(rendered.body.toString()).toMatch(/AK5\*A/);
  });
});
