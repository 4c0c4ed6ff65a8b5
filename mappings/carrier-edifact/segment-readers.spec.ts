import { EdifactSegment } from '../codecs/edifact';
import {
  readContainerNo,
  readConveyance,
  readFreeText,
  readLocation,
  readReferences,
} from './segment-readers';

const seg = (tag: string, ...elements: string[][]) => new EdifactSegment(tag, elements, 7, 0, 7);

describe('readLocation', () => {
  it.each([
    [
      [['9'], ['CNNGB', '139', '6', 'NINGBO'], ['BLCT', 'TER', 'ZZZ']],
      { unLocode: 'CNNGB', name: 'NINGBO', facilityCode: 'BLCT' },
    ],
    [[['175'], ['KR PUS', '139', '6']], { unLocode: 'KRPUS' }],
    [
      [['175'], ['USSYR', '227', '', 'SYRACUSE'], ['US', '162']],
      { unLocode: 'USSYR', name: 'SYRACUSE' },
    ],
  ])('reads %j', (elements, location) => {
    expect(readLocation(seg('LOC', ...elements), [])).toEqual(location);
  });

  it('leaves out a place that is not a UN/LOCODE, with a warning', () => {
    const warnings: string[] = [];
    expect(readLocation(seg('LOC', ['175'], ['INCHEON ICD']), warnings)).toBeUndefined();
    expect(warnings).toEqual([
      'segment 7 LOC 175: "INCHEON ICD" is not a UN/LOCODE, place left out',
    ]);
  });
});

describe('readConveyance', () => {
  it('takes an IMO number but not a call sign, and names only vessels', () => {
    expect(
      readConveyance(
        seg(
          'TDT',
          ['20'],
          ['025E'],
          ['1'],
          [],
          ['SNOL'],
          [],
          [],
          ['9301234', '146', '11', 'SINO HARMONY'],
        ),
      ),
    ).toEqual({
      mode: 'SEA',
      vesselName: 'SINO HARMONY',
      vesselImo: '9301234',
      voyageNo: '025E',
      carrierCode: 'SNOL',
    });
    expect(readConveyance(seg('TDT', ['20'], [], [], [], [], [], [], ['9301234', '103']))).toEqual({
      mode: 'SEA',
    });
    expect(
      readConveyance(seg('TDT', ['1'], [], ['2'], [], [], [], [], ['', '', '', 'CSX'])),
    ).toEqual({ mode: 'RAIL' });
  });
});

describe('readFreeText', () => {
  it('joins pieces with a space, except after a hard wrap of 70 characters', () => {
    const hard = 'X'.repeat(70);
    expect(readFreeText([seg('FTX', ['AAI'], [], [], ['SUBJECT TO', 'SPACE'])])).toBe(
      'SUBJECT TO SPACE',
    );
    expect(
      readFreeText([
        seg('FTX', ['AAI'], [], [], [hard, 'YZ']),
        seg('FTX', ['AAI'], [], [], ['NEXT']),
      ]),
    ).toBe(`${hard}YZ\nNEXT`);
  });
});

describe('readReferences', () => {
  it('keeps every booking and B/L: the first in its field, the others as BN/BM', () => {
    const rffs = [
      seg('RFF', ['BN', 'BK1']),
      seg('RFF', ['BN', 'BK2']),
      seg('RFF', ['BM', 'BL1']),
      seg('RFF', ['BM', 'BL1']),
      seg('RFF', ['BM', 'BL2']),
    ];
    expect(readReferences(rffs)).toEqual({
      bookingNo: 'BK1',
      blNo: 'BL1',
      containerNos: [],
      others: [
        { type: 'BN', value: 'BK2' },
        { type: 'BM', value: 'BL2' },
      ],
    });
  });
});

describe('readContainerNo', () => {
  it('keeps a wrong check digit with a warning when the caller collects warnings', () => {
    const warnings: string[] = [];
    expect(readContainerNo('CSQU3054384', seg('EQD', ['CN']), warnings)).toBe('CSQU3054384');
    expect(warnings).toEqual([expect.stringContaining('expected 3')]);
    expect(() => readContainerNo('CSQU3054384', seg('EQD', ['CN']))).toThrow(/check digit/);
    expect(() => readContainerNo('CSQU305438', seg('EQD', ['CN']), [])).toThrow(/ISO 6346/);
  });
});
