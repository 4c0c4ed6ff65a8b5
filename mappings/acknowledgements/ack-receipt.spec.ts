import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import type { Codec } from '../../core/translation/contract';
import { buildContrl, edifactCodec } from '../codecs/edifact';
import { x12Codec } from '../codecs/x12';
import { ackReason, isReadableAcknowledgement, readAckReceipt } from './ack-receipt';
import { contrlRejectingContent } from '../codecs/edifact';

const AT = new Date('2025-06-12T08:30:00Z');
const decode = (codec: Codec, text: string | Buffer) => {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1');
  return codec.decode(raw, codec.detect(raw)!);
};
const receiptOf = (codec: Codec, text: string | Buffer) => readAckReceipt(decode(codec, text)[0]);

// A CONTRL from the line SINOLINES about our interchange 1207 (syntax 3, D:3).
const contrl = (body: string[]) => {
  const segments = ['UNH+1+CONTRL:D:3:UN', ...body];
  return [
    'UNA:+.? ',
    'UNB+UNOC:3+SINOLINES:ZZZ+TRADEHUBCN:ZZZ+250612:0830+SNL88',
    ...segments,
    `UNT+${segments.length + 1}+1`,
    'UNZ+1+SNL88',
    '',
  ].join("'");
};

// A 997 from the 3PL about our group `group` (AK1 02), as written by a US 3PL.
const x12Ack = (group: string, body: string[]) => {
  const set = ['ST*997*0001', `AK1*OW*${group}`, ...body];
  return [
    'ISA*00*          *00*          *01*078123456      *ZZ*TRADEHUB       *250612*0830*U*00401*000000912*0*P*>',
    'GS*FA*KEYSTONE3PL*TRADEHUB*20250612*0830*912*X*004010',
    ...set,
    `SE*${set.length + 1}*0001`,
    'GE*1*912',
    'IEA*1*000000912',
    '',
  ].join('~');
};

describe('reading received acknowledgements', () => {
  it('takes 997, 999, TA1, CONTRL and APERAK as readable acknowledgements, nothing else', () => {
    expect(isReadableAcknowledgement({ format: 'x12', messageType: '997' })).toBe(true);
    expect(isReadableAcknowledgement({ format: 'edifact', messageType: 'CONTRL' })).toBe(true);
    expect(isReadableAcknowledgement({ format: 'edifact', messageType: 'APERAK' })).toBe(true);
    expect(isReadableAcknowledgement({ format: 'x12', messageType: '999' })).toBe(true);
    expect(isReadableAcknowledgement({ format: 'x12', messageType: 'TA1' })).toBe(true);
    expect(isReadableAcknowledgement({ format: 'x12', messageType: '945' })).toBe(false);
    expect(isReadableAcknowledgement(null)).toBe(false);
    // Formats without a readable acknowledgement, and detections that name no type.
    expect(isReadableAcknowledgement({ format: 'json' })).toBe(false);
    expect(isReadableAcknowledgement({ format: 'x12' })).toBe(false);
  });

  it('reads an accepting CONTRL as acknowledging our interchange (UCI 0020)', () => {
    const receipt = receiptOf(
      edifactCodec,
      contrl(['UCI+1207+TRADEHUBCN:ZZZ+SINOLINES:ZZZ+7', 'UCM+1207+IFTMIN:D:99B:UN+7']),
    );
    expect(receipt).toMatchObject({
      ackType: 'CONTRL',
      format: 'edifact',
      answersRef: '1207',
      verdict: 'acknowledged',
      code: '7',
      errors: [],
      report: { senderId: 'TRADEHUBCN', recipientId: 'SINOLINES' },
    });
    expect(ackReason(receipt)).toBe('CONTRL accepted (7)');
  });

  it('takes UCI 8 (interchange received, content unchecked) as acknowledged', () => {
    const receipt = receiptOf(edifactCodec, contrl(['UCI+1207+TRADEHUBCN+SINOLINES+8']));
    expect(receipt).toMatchObject({ verdict: 'acknowledged', code: '8', errors: [] });
  });

  it('rejects on a rejected message under an accepted interchange, naming segment and element', () => {
    const receipt = receiptOf(
      edifactCodec,
      contrl([
        'UCI+1207+TRADEHUBCN+SINOLINES+7',
        'UCM+1207+IFTMIN:D:99B:UN+4',
        'UCS+6+12',
        'UCS+9',
        'UCD+13+3:1',
      ]),
    );
    expect(receipt.verdict).toBe('rejected-by-partner');
    expect(receipt.errors).toEqual(['UCM 1207 IFTMIN 4', 'UCS 6: 12', 'UCS 9', 'UCD 3:1: 13']);
    // The interchange itself was taken (UCI 7); its one message was not.
    expect(ackReason(receipt)).toBe(
      'CONTRL rejected (7): UCM 1207 IFTMIN 4; UCS 6: 12; UCS 9; UCD 3:1: 13',
    );
  });

  it('rejects on UCI 4 with the error in the envelope', () => {
    const receipt = receiptOf(edifactCodec, contrl(['UCI+1207+TRADEHUBCN+SINOLINES+4+7+UNB+3:1']));
    expect(receipt).toMatchObject({ verdict: 'rejected-by-partner', code: '4' });
    expect(receipt.errors).toEqual(['UCI 4: 7 in UNB']);
  });

  it('reads back the CONTRLs TradeHub itself writes (syntax and content rejections)', () => {
    const ours = Buffer.from(
      "UNA:+.? 'UNB+UNOC:3+TRADEHUBCN:ZZZ+SINOLINES:ZZZ+250612:0815+IC77'UNH+M1+IFTSTA:D:99B:UN'" +
        "BGM+23+X1+9'CNI+1+B1'STS+1+QQ'UNT+9+M1'UNZ+1+IC77'",
      'latin1',
    );
    const syntax = receiptOf(edifactCodec, buildContrl(ours, { controlRef: '5', preparedAt: AT }));
    expect(syntax).toMatchObject({ answersRef: 'IC77', verdict: 'rejected-by-partner' });
    expect(syntax.errors).toEqual([
      'UCI 4',
      expect.stringMatching(/^UCM M1 IFTSTA 4: \d+ in UNT$/),
    ]);
    const fixed = Buffer.from(ours.toString('latin1').replace('UNT+9', 'UNT+5'), 'latin1');
    expect(
      receiptOf(edifactCodec, buildContrl(fixed, { controlRef: '6', preparedAt: AT })).verdict,
    ).toBe('acknowledged');
    const content = receiptOf(
      edifactCodec,
      contrlRejectingContent(fixed, { segmentIndex: 3 }, { controlRef: '7', preparedAt: AT }),
    );
    expect(content.errors).toEqual(['UCI 4', 'UCM M1 IFTSTA 4', 'UCS 2: 12']);
  });

  it('refuses a UCI without the control reference, at the UCI', () => {
    const read = () => receiptOf(edifactCodec, contrl(['UCI++TRADEHUBCN+SINOLINES+7']));
    expect(read).toThrow(TradeError);
    expect(read).toThrow(/UCI names no control reference/);
    try {
      read();
    } catch (err) {
      expect(err).toMatchObject({ kind: 'mapping', stage: 'map', location: { segmentIndex: 3 } });
    }
  });

  it('refuses an unknown action code', () => {
    expect(() => receiptOf(edifactCodec, contrl(['UCI+1207+A+B+9']))).toThrow(
      /UCI action code '9' unknown/,
    );
  });

  it('reads an accepting 997 as acknowledging our group (AK102 = GS06), unpadded', () => {
    const receipt = receiptOf(
      x12Codec,
      x12Ack('000001201', ['AK2*940*0001', 'AK5*A', 'AK9*A*1*1*1']),
    );
    expect(receipt).toMatchObject({
      ackType: '997',
      format: 'x12',
      answersRef: '1201',
      verdict: 'acknowledged',
      code: 'A',
      errors: [],
    });
  });

  it('rejects on AK5 R with the segment and element errors as reason', () => {
    const receipt = receiptOf(
      x12Codec,
      x12Ack('1201', [
        'AK2*940*0001',
        'AK3*W66*7**8',
        'AK4*10*140*7*ZZZZ',
        'AK5*R*5',
        'AK9*R*1*1*0',
      ]),
    );
    expect(receipt.verdict).toBe('rejected-by-partner');
    expect(ackReason(receipt)).toBe(
      '997 rejected (R): AK9 R; AK5 R 5 (940 0001); AK3 W66 at 7: 8 (940 0001); AK4 10 (140): 7',
    );
  });

  it('rejects a partially accepted group (the golden 997)', () => {
    const golden = readFileSync(
      join(__dirname, '../x12-warehouse/golden/997-in/partial-940-group.edi'),
    );
    const receipt = receiptOf(x12Codec, golden);
    expect(receipt).toMatchObject({ answersRef: '1201', verdict: 'rejected-by-partner' });
    expect(receipt.errors[0]).toBe('AK9 P');
  });

  it('refuses other messages sent along with acknowledgements', () => {
    const shipped = readFileSync(join(__dirname, '../x12-945/golden/parcel-short-ship.edi'));
    expect(() => receiptOf(x12Codec, shipped)).toThrow(/x12 945 next to acknowledgements/);
  });
});

// An APERAK from the line SINOLINES about our IFTMIN 1207 (application acknowledgement).
const aperak = (body: string[]) => contrl(body).replace('CONTRL:D:3:UN', 'APERAK:D:96A:UN');

describe('APERAK (application acknowledgement)', () => {
  it('settles our message as accepted by its RFF ACW, with informational ERCs listed', () => {
    const receipt = receiptOf(
      edifactCodec,
      aperak(['BGM+313+AP1207+9+AP', 'RFF+ACW:1207', 'ERC+100', 'FTX+AAO+++BOOKING ON HOLD']),
    );
    expect(receipt).toMatchObject({
      ackType: 'APERAK',
      format: 'edifact',
      answersRef: '1207',
      verdict: 'acknowledged',
      code: '9/AP',
      errors: ['ERC 100: BOOKING ON HOLD'],
    });
  });

  it.each([
    ['BGM+313+AP1207+9+RE', '9/RE'],
    ['BGM+313+AP1207+27', '27'],
  ])('reads %s as a rejection of our message', (bgm, code) => {
    const receipt = receiptOf(
      edifactCodec,
      aperak([bgm, 'RFF+ACW:1207', 'ERC+Z12', 'FTX+AAO+++UNKNOWN PORT CODE CNXXX']),
    );
    expect(receipt).toMatchObject({ verdict: 'rejected-by-partner', code });
    expect(ackReason(receipt)).toBe(`APERAK rejected (${code}): ERC Z12: UNKNOWN PORT CODE CNXXX`);
  });

  it('refuses an APERAK that names no message, at its BGM', () => {
    expect(() => receiptOf(edifactCodec, aperak(['BGM+313+AP1207+9+AP']))).toThrow(
      expect.objectContaining({
        code: 'APERAK_INCOMPLETE',
        location: expect.objectContaining({ segmentTag: 'BGM' }),
      }),
    );
  });
});

// A 999 (005010) from the 3PL rejecting set 0002 of our group 912.
const x12Implementation = (body: string[]) => {
  const set = ['ST*999*0001*005010X231A1', 'AK1*OW*912*005010X231A1', ...body];
  return [
    'ISA*00*          *00*          *01*078123456      *ZZ*TRADEHUB       *250612*0830*^*00501*000000913*0*P*>',
    'GS*FA*KEYSTONE3PL*TRADEHUB*20250612*0830*913*X*005010X231A1',
    ...set,
    `SE*${set.length + 1}*0001`,
    'GE*1*913',
    'IEA*1*000000913',
    '',
  ].join('~');
};

describe('X12 999 (implementation acknowledgement)', () => {
  it('settles our group by AK102 and lists IK3/IK4/IK5 like a 997', () => {
    const receipt = receiptOf(
      x12Codec,
      x12Implementation(['AK2*940*0002', 'IK3*W05*2**8', 'IK4*2*145*1', 'IK5*R*5', 'AK9*R*1*1*0']),
    );
    expect(receipt).toMatchObject({
      ackType: '999',
      format: 'x12',
      answersRef: '912',
      verdict: 'rejected-by-partner',
      code: 'R',
    });
    expect(receipt.errors).toEqual([
      'AK9 R',
      'IK5 R 5 (940 0002)',
      'IK3 W05 at 2: 8 (940 0002)',
      'IK4 2 (145): 1',
    ]);
  });

  it('accepts a clean group', () => {
    const receipt = receiptOf(
      x12Codec,
      x12Implementation(['AK2*940*0002', 'IK5*A', 'AK9*A*1*1*1']),
    );
    expect(receipt).toMatchObject({ ackType: '999', verdict: 'acknowledged', errors: [] });
  });
});

// A TA1 from the 3PL about our interchange 000000912 (ISA13), alone in its interchange.
const interchangeAck = (ta1: string) =>
  [
    'ISA*00*          *00*          *01*078123456      *ZZ*TRADEHUB       *250612*0831*U*00401*000000914*0*P*>',
    ta1,
    'IEA*0*000000914',
    '',
  ].join('~');

describe('X12 TA1 (interchange acknowledgement)', () => {
  it('is detected as its own message and read as an acknowledgement', () => {
    const raw = Buffer.from(interchangeAck('TA1*000000912*250612*0815*A*000'));
    expect(x12Codec.detect(raw)?.messageType).toBe('TA1');
    expect(isReadableAcknowledgement({ format: 'x12', messageType: 'TA1' })).toBe(true);
  });

  it('settles our interchange by TA101 (unpadded, as our messageRef is)', () => {
    const receipt = receiptOf(x12Codec, interchangeAck('TA1*000000912*250612*0815*A*000'));
    expect(receipt).toMatchObject({
      ackType: 'TA1',
      format: 'x12',
      answersRef: '912',
      verdict: 'acknowledged',
      code: 'A',
      errors: [],
    });
  });

  it('rejects with the note code and its meaning', () => {
    const receipt = receiptOf(x12Codec, interchangeAck('TA1*000000912*250612*0815*R*009'));
    expect(receipt).toMatchObject({ verdict: 'rejected-by-partner', code: 'R' });
    expect(ackReason(receipt)).toBe('TA1 rejected (R): TA1 R 009 unknown receiver id');
  });

  it('refuses a TA1 without its verdict, at the TA1', () => {
    expect(() => receiptOf(x12Codec, interchangeAck('TA1*000000912*250612*0815'))).toThrow(
      expect.objectContaining({
        code: 'TA1_INCOMPLETE',
        location: expect.objectContaining({ segmentTag: 'TA1' }),
      }),
    );
  });

  it('still refuses a TA1 after a group, where X12 does not allow it', () => {
    const text = [
      'ISA*00*          *00*          *01*078123456      *ZZ*TRADEHUB       *250612*0831*U*00401*000000915*0*P*>',
      'GS*FA*KEYSTONE3PL*TRADEHUB*20250612*0830*915*X*004010',
      'ST*997*0001',
      'AK1*OW*912',
      'AK9*A*1*1*1',
      'SE*4*0001',
      'GE*1*915',
      'TA1*000000912*250612*0815*A*000',
      'IEA*1*000000915',
      '',
    ].join('~');
    expect(() => decode(x12Codec, text)).toThrow(/expected GS, TA1 or IEA, found TA1/);
  });
});
