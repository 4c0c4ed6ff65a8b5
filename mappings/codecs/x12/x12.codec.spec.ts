import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tradeErrorOf } from '../../../core/errors/trade-error.testing';
import {
  component,
  createX12Codec,
  element,
  hlHierarchy,
  loopsAt,
  partyLoop,
  reference,
  repetitions,
  segmentAt,
  x12Codec,
  type X12Message,
  type X12Segment,
} from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const decode = (text: string) =>
  x12Codec.decode(Buffer.from(text), x12Codec.detect(Buffer.from(text))!);

const rejectionOf = (text: string) => tradeErrorOf(() => decode(text));

describe('x12Codec.detect', () => {
  it('reads standard, GS08 version and ST01 type', () => {
    expect(x12Codec.detect(Buffer.from(fixture('warehouse-multi-group.edi')))).toEqual({
      format: 'x12',
      standard: 'ANSI X12',
      version: '004010',
      messageType: '940',
    });
  });

  it('takes other separators from the ISA', () => {
    const d = x12Codec.detect(Buffer.from(fixture('inventory-alt-separators.edi')));
    expect(d).toMatchObject({ version: '005010', messageType: '846' });
  });

  it('says null for what is not X12', () => {
    expect(x12Codec.detect(Buffer.from("UNA:+.? 'UNB+UNOC:3"))).toBeNull();
    expect(x12Codec.detect(Buffer.from('{1:F01BANKBEBBAXXX0000000000}'))).toBeNull();
  });
});

describe('x12Codec.decode', () => {
  const messages = decode(fixture('warehouse-multi-group.edi'));

  it('returns one message per transaction set across groups', () => {
    expect(messages.map((m) => [m.index, m.detection.messageType, m.messageRef])).toEqual([
      [0, '940', '0001'],
      [1, '940', '0002'],
      [2, '945', '0001'],
    ]);
  });

  it('carries interchange facts from ISA06/ISA08 with qualifiers, ISA13 and date', () => {
    expect(messages[0].interchange).toEqual({
      senderId: 'TRADEHUB',
      senderQualifier: 'ZZ',
      recipientId: 'WHSE3PL',
      recipientQualifier: 'ZZ',
      controlRef: '000000101',
      preparedAt: '2025-03-14T09:30',
      syntax: 'X12 00401',
    });
    expect(messages[2].tree.group).toMatchObject({ functionalId: 'SW', controlNumber: '102' });
  });

  it('matches the golden tree of the first 940', () => {
    const golden = JSON.parse(fixture('warehouse-940-0001.golden.json')) as X12Message;
    expect(JSON.parse(JSON.stringify(messages[0].tree))).toEqual(golden);
  });

  it('groups the 940 into its loops for mappings', () => {
    const body = messages[0].tree.set.body;
    expect(element(segmentAt(body, 'W05')!, 2)).toBe('SO-24001');
    expect(element(partyLoop(body, 'ST')!.nodes[1] as X12Segment, 1)).toBe('1200 INDUSTRIAL PKWY');
    expect(reference(body, 'CO')).toBe('ORD-88123');
    const lines = loopsAt(body, 'LX');
    expect(lines).toHaveLength(2);
    const firstItem = loopsAt(lines[0].nodes, 'W01')[0];
    expect(element(firstItem.nodes[0] as X12Segment, 5)).toBe('SKU-1001');
    expect(reference(firstItem.nodes, 'LT')).toBe('LOT2503A');
  });

  it('splits repetitions and components with the separators of the interchange', () => {
    const [inventory] = decode(fixture('inventory-alt-separators.edi'));
    const d = inventory.tree.interchange.delimiters;
    expect(d).toEqual({
      element: '|',
      component: ':',
      repetition: '^',
      segment: "'",
      lineEnding: '',
    });
    const body = inventory.tree.set.body;
    expect(repetitions(segmentAt(body, 'REF')!, 2, d)).toEqual(['RENO1', 'RENO2']);
    const secondLine = loopsAt(body, 'LIN')[1];
    const qty = loopsAt(secondLine.nodes, 'QTY')[0].nodes[0] as X12Segment;
    expect(component(qty, 3, 2, d)).toBe('1');
    expect(inventory.detection.version).toBe('005010');
  });

  it('nests the 856 HL loops by parent id, CR/LF after terminators tolerated', () => {
    const [asn] = decode(fixture('asn-856-crlf.edi'));
    const tree = hlHierarchy(asn.tree.set.body);
    const shape = (n: ReturnType<typeof hlHierarchy>[number]): unknown => [
      `${n.id}${n.level}`,
      n.children.map(shape),
    ];
    expect(tree.map(shape)).toEqual([
      [
        '1S',
        [
          [
            '2O',
            [
              ['3P', [['4I', []]]],
              ['5P', [['6I', []]]],
            ],
          ],
        ],
      ],
    ]);
    const shipment = tree[0].loop;
    expect(reference(shipment.nodes, 'BM')).toBe('1Z999AA10123456784');
  });
});

describe('x12Codec.decode rejections', () => {
  const good = fixture('warehouse-multi-group.edi');

  it('rejects a wrong SE01 count at the SE with its line', () => {
    const err = rejectionOf(good.replace('SE*19*0001', 'SE*18*0001'));
    expect(err).toMatchObject({ kind: 'rejected', stage: 'parse', code: 'SE01_COUNT' });
    expect(err.location).toEqual({ segmentIndex: 21, segmentTag: 'SE', offset: 541, line: 21 });
  });

  it('rejects a missing IEA', () => {
    const err = rejectionOf(good.replace('IEA*2*000000101~\n', ''));
    expect(err).toMatchObject({
      code: 'IEA_MISSING',
      location: { segmentIndex: 38, segmentTag: 'GE', line: 38 },
    });
  });

  it('rejects mismatched control numbers in SE02, GE02 and IEA02', () => {
    expect(rejectionOf(good.replace('SE*6*0002', 'SE*6*0003')).code).toBe('SE02_CONTROL');
    expect(rejectionOf(good.replace('GE*1*102', 'GE*1*103')).code).toBe('GE02_CONTROL');
    expect(rejectionOf(good.replace('IEA*2*000000101', 'IEA*2*000000102')).code).toBe(
      'IEA02_CONTROL',
    );
  });

  it('rejects wrong group and set counts in GE01 and IEA01', () => {
    expect(rejectionOf(good.replace('GE*2*101', 'GE*3*101')).code).toBe('GE01_COUNT');
    expect(rejectionOf(good.replace('IEA*2*', 'IEA*1*')).code).toBe('IEA01_COUNT');
  });

  it('accepts mismatched control numbers as warnings when the partner is known for them', () => {
    const lenient = createX12Codec({ controlNumbers: 'warning' });
    const text = good.replace('SE*6*0002', 'SE*6*0003');
    const out = lenient.decode(Buffer.from(text), lenient.detect(Buffer.from(text))!);
    expect(out[1].tree.set.issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'SE02_CONTROL'],
    ]);
  });

  it('rejects a missing mandatory segment and a segment out of sequence', () => {
    const missing = rejectionOf(
      good.replace('W27*M*UPSN*UPS GROUND~\n', '').replace('SE*8*0001', 'SE*7*0001'),
    );
    expect(missing.message).toContain('mandatory segment W27 missing');
    expect(missing.location).toMatchObject({ segmentTag: 'LX' });
    const moved = good
      .replace('W76*30*120.5*LB~\n', '')
      .replace('W05*N*SO-24001*PO-77812~\n', 'W05*N*SO-24001*PO-77812~\nW76*30*120.5*LB~\n');
    expect(rejectionOf(moved).code).toBe('SEGMENT_OUT_OF_SEQUENCE');
  });

  it('rejects an invalid date in a beginning segment', () => {
    const err = rejectionOf(good.replace('W06*F*SO-23990*20250313', 'W06*F*SO-23990*20250230'));
    expect(err.message).toContain('W0603: invalid date');
  });

  it('rejects an ISA that is not fixed width, and input that is not an interchange', () => {
    expect(rejectionOf(good.replace('*TRADEHUB       *', '*TRADEHUB*')).code).toBe(
      'ISA_FIXED_WIDTH',
    );
    expect(rejectionOf('GS*OW*A*B~').code).toBe('ISA_MISSING');
  });
});
