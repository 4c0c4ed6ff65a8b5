import { mergeRefs, refPairs } from './trade-refs';

describe('trade refs', () => {
  it('merges lists without blanks or duplicates, in first-seen order', () => {
    const merged = mergeRefs(
      { blNo: ['MAEU1', ' '], containerNo: ['CSQU3054383'] },
      { blNo: ['MAEU1', 'MAEU2'] },
    );
    expect(merged).toEqual({ blNo: ['MAEU1', 'MAEU2'], containerNo: ['CSQU3054383'] });
  });

  it('flattens to kind/value pairs', () => {
    expect(refPairs({ orderNo: ['SO-1'], lcNo: ['LC9'] })).toEqual([
      { kind: 'orderNo', value: 'SO-1' },
      { kind: 'lcNo', value: 'LC9' },
    ]);
  });
});
