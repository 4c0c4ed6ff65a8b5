import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tradeErrorOf } from '../../../core/errors/trade-error.testing';
import { swiftMtCodec, type MtMessage, type StatementLine } from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const decode = (text: string) =>
  swiftMtCodec.decode(Buffer.from(text), swiftMtCodec.detect(Buffer.from(text))!);
const field = (msg: MtMessage, tag: string, n = 0) => msg.fields.filter((f) => f.tag === tag)[n];

const rejectionOf = (text: string) => tradeErrorOf(() => decode(text));

const BARE_940 = [
  ':20:REF1',
  ':25:ACC1',
  ':28C:1/1',
  ':60F:C250101EUR10,00',
  ':62F:C250101EUR10,00',
  '-',
];
const FEB_30 = [
  ':20:REF1',
  ':25:ACC1',
  ':28C:1/1',
  ':60F:C250101EUR10,00',
  ':61:2502300228D5,00NTRFNONREF',
  ':62F:C250101EUR5,00',
  '-',
];

describe('swiftMtCodec.detect', () => {
  it('takes the type from block 2', () => {
    expect(swiftMtCodec.detect(Buffer.from(fixture('mt103-full-blocks.fin')))).toEqual({
      format: 'swift-mt',
      standard: 'SWIFT MT',
      messageType: 'MT103',
    });
  });

  it('infers the type of headerless block 4 text from its fields or export header', () => {
    const type = (t: string) => swiftMtCodec.detect(Buffer.from(t))?.messageType;
    expect(type(fixture('mt940-two-statements.sta'))).toBe('MT940');
    expect(type(BARE_940.join('\n'))).toBe('MT940');
    expect(type(':20:X\n:25:A\n:28C:1\n:34F:EURD0,\n:13D:2503141200+0100\n')).toBe('MT942');
    expect(type(':27:1/1\n:40A:IRREVOCABLE\n:20:LC1\n:31C:250301\n')).toBe('MT700');
  });

  it('says null for other formats', () => {
    expect(swiftMtCodec.detect(Buffer.from('ISA*00*'))).toBeNull();
    expect(swiftMtCodec.detect(Buffer.from('<?xml version="1.0"?><Document/>'))).toBeNull();
  });
});

describe('swiftMtCodec.decode: statements', () => {
  const messages = decode(fixture('mt940-two-statements.sta'));

  it('splits a file of several statements, field 20 as reference', () => {
    expect(messages.map((m) => [m.index, m.detection.messageType, m.messageRef])).toEqual([
      [0, 'MT940', 'STMT250314-01'],
      [1, 'MT940', 'STMT250314-02'],
    ]);
    expect(messages[0].tree.preamble).toEqual(['TRDHCNSH', '940']);
  });

  it('matches the golden trees', () => {
    const golden = JSON.parse(fixture('mt940-two-statements.golden.json')) as unknown;
    expect(JSON.parse(JSON.stringify(messages.map((m) => m.tree)))).toEqual(golden);
  });

  it('keeps an :86: with colons over several lines, even a line starting with ":", as one field', () => {
    const info = field(messages[0].tree, '86');
    expect(info.value.split('\n')).toEqual([
      '/EREF/INV-2025-0117/REMI/PAYMENT FOR B/L COSU6182736450: 40HC',
      'CONTAINER TCNU6849731: FREIGHT PREPAID; INCOTERM: FOB SHANGHAI',
      ':ORDP/ACME RETAIL INC: SEATTLE US',
    ]);
    expect(info.line).toBe(9);
  });

  it('keeps structured ?20..?34 :86: text raw', () => {
    expect(field(messages[0].tree, '86', 1).parsed).toEqual({
      text:
        '166?00GUTSCHRIFT?100399?20EREF+LC-TH-2025-0042?21SVWZ+AKKREDITIV\n' +
        '?22 ZAHLUNG?30DEUTDEFF?31DE89370400440532013000?32HANSEATIC\n?33 IMPORT GMBH?34997',
    });
  });

  it('reads :61: sub-fields: entry date, reversal mark, funds code, references, details', () => {
    const lines = messages[0].tree.fields
      .filter((f) => f.tag === '61')
      .map((f) => f.parsed as StatementLine);
    expect(lines[1]).toEqual({
      valueDate: '2025-03-14',
      entryDate: '2025-03-14',
      mark: 'D',
      amount: '1250',
      transactionType: 'NCHG',
      customerReference: 'NONREF',
      bankReference: 'ICBC2503140002',
      supplementaryDetails: 'BANK CHARGES MARCH',
    });
    expect(lines[2]).toMatchObject({ mark: 'RC', fundsCode: 'R', amount: '300.00' });
    expect(field(messages[1].tree, '61').parsed).toMatchObject({
      amount: '22000',
      customerReference: '20250314-FX01',
    });
  });

  it('reads balances as decimal strings with ISO dates', () => {
    expect(field(messages[1].tree, '60M').parsed).toEqual({
      mark: 'C',
      date: '2025-03-14',
      currency: 'USD',
      amount: '172000.75',
    });
  });

  it('reads MT942 floor limits, date-time with zone and entry summaries', () => {
    const [m] = decode(
      ':20:R\n:25:A\n:28C:5/1\n:34F:EURD0,\n:34F:EURC100,\n:13D:2503141230+0800\n:90D:2EUR12,5\n-\n',
    );
    expect(m.detection.messageType).toBe('MT942');
    expect(field(m.tree, '34F', 1).parsed).toEqual({ currency: 'EUR', mark: 'C', amount: '100' });
    expect(field(m.tree, '13D').parsed).toEqual({ dateTime: '2025-03-14T12:30:00+08:00' });
    expect(field(m.tree, '90D').parsed).toEqual({ count: 2, currency: 'EUR', amount: '12.5' });
  });

  it('rejects 30 February at its field and line', () => {
    const err = rejectionOf(FEB_30.join('\r\n'));
    expect(err).toMatchObject({ kind: 'rejected', stage: 'validate', code: 'DATE' });
    expect(err.location).toEqual({ fieldTag: '61', line: 5 });
    expect(rejectionOf(BARE_940.join('\n').replace('C250101', 'C250229')).location).toEqual({
      fieldTag: '60F',
      line: 4,
    });
  });

  it('rejects amounts and marks that break the format, and tolerates bank deviations as issues', () => {
    expect(rejectionOf(BARE_940.join('\n').replace('EUR10,00', 'EUR10.00')).code).toBe(
      'FIELD_FORMAT',
    );
    expect(rejectionOf(BARE_940.join('\n').replace(':60F:C', ':60F:X')).location).toEqual({
      fieldTag: '60F',
      line: 4,
    });
    const [m] = decode(
      BARE_940.join('\n').replace(':62F:', ':61:250101C5NTRFREFERENCE-LONGER-THAN-16\n:62F:'),
    );
    expect(m.tree.issues.map((i) => i.message)).toEqual([
      "amount '5' has no decimal comma",
      'customer reference has 24 characters, 16x allowed',
    ]);
  });
});

describe('swiftMtCodec.decode: FIN blocks', () => {
  it('reads MT103 blocks 1 to 5 and its fields (golden)', () => {
    const [m] = decode(fixture('mt103-full-blocks.fin'));
    const golden = JSON.parse(fixture('mt103-full-blocks.golden.json')) as unknown[];
    expect(JSON.parse(JSON.stringify(m.tree))).toEqual(golden[0]);
    expect(m.interchange).toEqual({
      senderId: 'ICBKCNBJAXXX',
      recipientId: 'CHASUS33XXXX',
      controlRef: '0417123456',
      syntax: 'SWIFT FIN',
    });
    expect(m.tree.block3).toContainEqual({
      tag: '121',
      value: '8a562c67-ca16-48ba-b074-65581be6f001',
    });
    expect(field(m.tree, '50K').parsed).toEqual({
      account: '6222021001012345678',
      nameAndAddress: [
        'SHANGHAI TRADEHUB SUPPLY CHAIN CO',
        'NO 88 YINCHENG RD PUDONG',
        'SHANGHAI CN',
      ],
    });
    expect(field(m.tree, '57A').parsed).toEqual({
      partyIdentifier: 'US12CHAS0000000123',
      bic: 'CHASUS33XXX',
    });
  });

  it('locates a bad date inside FIN block 4 by its file line', () => {
    const text = fixture('mt103-full-blocks.fin').replace(':32A:250314', ':32A:250230');
    expect(rejectionOf(text).location).toEqual({ fieldTag: '32A', line: 4 });
  });

  it('reads structured 50F and option A 59A parties', () => {
    const [m] = decode(
      ':20:P1\n:23B:CRED\n:32A:250314EUR1,\n:50F:/DE89370400440532013000\n1/HANSEATIC IMPORT GMBH\n2/HAFENSTR 1\n3/DE/HAMBURG\n:59A:/CN12TRDH0000123456789\nICBKCNBJSHI\n:71A:BEN\n-\n',
    );
    expect(m.detection.messageType).toBe('MT103');
    expect(field(m.tree, '50F').parsed).toEqual({
      partyIdentifier: '/DE89370400440532013000',
      details: [
        { number: 1, text: 'HANSEATIC IMPORT GMBH' },
        { number: 2, text: 'HAFENSTR 1' },
        { number: 3, text: 'DE/HAMBURG' },
      ],
    });
    expect(field(m.tree, '59A').parsed).toEqual({
      partyIdentifier: 'CN12TRDH0000123456789',
      bic: 'ICBKCNBJSHI',
    });
    expect(rejectionOf(':20:P1\n:23B:CRED\n:32A:250314EUR1,\n:57A:NOT A BIC\n-\n')).toMatchObject({
      code: 'BIC',
      location: { fieldTag: '57A', line: 4 },
    });
  });

  it('reads the MT710 advised form of credit and flags unknown code values as issues', () => {
    const [m] = decode(
      ':27:1/1\n:40B:IRREVOCABLE\nWITHOUT OUR CONFIRMATION\n:20:ADV1\n:21:LC1\n:31C:250301\n:43P:PERHAPS\n-\n',
    );
    expect(m.detection.messageType).toBe('MT710');
    expect(field(m.tree, '40B').parsed).toEqual({
      form: 'IRREVOCABLE',
      confirmation: 'WITHOUT OUR CONFIRMATION',
    });
    expect(m.tree.issues).toEqual([
      {
        fieldTag: '43P',
        line: 7,
        message: "'PERHAPS' is not one of ALLOWED, CONDITIONAL, NOT ALLOWED",
      },
    ]);
  });

  it('reads MT700 credit fields', () => {
    const [m] = decode(fixture('mt700-issue.fin'));
    expect(m.interchange?.preparedAt).toBe('2025-03-01T10:15');
    const parsed = (tag: string) => field(m.tree, tag).parsed;
    expect(parsed('27')).toEqual({ number: 1, total: 1 });
    expect(parsed('31D')).toEqual({ date: '2025-06-15', place: 'CHINA' });
    expect(parsed('32B')).toEqual({ currency: 'USD', amount: '125000.00' });
    expect(parsed('41D')).toEqual({
      party: { nameAndAddress: ['ANY BANK IN CHINA'] },
      by: 'BY NEGOTIATION',
    });
    expect(parsed('48')).toEqual({ days: 21, narrative: 'FROM DATE OF SHIPMENT' });
    expect(parsed('43P')).toEqual({ option: 'NOT ALLOWED' });
    expect(m.tree.issues).toEqual([]);
  });

  it('infers MT707 from 26E when block 2 is absent and checks its dates', () => {
    const [m] = decode(
      ':27:1/1\n:20:LC-TH-2025-0042\n:21:NONREF\n:31C:250301\n:26E:1\n:30:250320\n:22A:ISSU\n:32B:USD5000,\n-\n',
    );
    expect(m.detection.messageType).toBe('MT707');
    expect(field(m.tree, '26E').parsed).toEqual({ number: 1 });
    expect(rejectionOf(':20:LC1\n:26E:1\n:30:250431\n-\n').location).toEqual({
      fieldTag: '30',
      line: 3,
    });
  });

  it('splits RJE files on $ and concatenated {1: blocks, LF or CRLF', () => {
    const one = fixture('mt103-full-blocks.fin').trimEnd();
    expect(decode(`${one}\r\n$\r\n${one}`).map((m) => m.index)).toEqual([0, 1]);
    expect(decode(`${one}${one}`.replace(/\r\n/g, '\n'))).toHaveLength(2);
  });

  it('attaches an ACK service message to the message it acknowledges', () => {
    const ack = '{1:F21ICBKCNBJAXXX0417123456}{4:{177:2503140930}{451:0}}';
    const [m] = decode(ack + fixture('mt103-full-blocks.fin'));
    expect(m.tree.acknowledgement).toMatchObject({
      status: 'ACK',
      tags: [
        { tag: '177', value: '2503140930' },
        { tag: '451', value: '0' },
      ],
    });
  });

  it('rejects broken blocks at their line', () => {
    const text = fixture('mt103-full-blocks.fin');
    expect(rejectionOf(text.replace('{1:F01ICBKCNBJAXXX0417123456}', '{1:F01ICBK}'))).toMatchObject(
      { stage: 'parse', code: 'BLOCK1', location: { line: 1 } },
    );
    expect(rejectionOf(text.replace('-}', '}')).code).toBe('BLOCK4_END');
    expect(rejectionOf(`${text}\ngarbage`)).toMatchObject({
      code: 'BLOCK1_MISSING',
      location: { line: 23 },
    });
  });
});
