import { join } from 'node:path';
import { bankGolden, bankGoldenCases, mapBankFile } from './bank-golden.test-support';

const golden = join(__dirname, 'golden');
const codecs = join(__dirname, '..', 'codecs');

// The codecs' own fixtures are real-shaped messages too: their canonical form is golden here.
const CODEC_FIXTURES = [
  'swift-mt/__fixtures__/mt940-two-statements.sta',
  'swift-mt/__fixtures__/mt103-full-blocks.fin',
  'swift-mt/__fixtures__/mt700-issue.fin',
  'iso20022/__fixtures__/camt.053.001.08.xml',
  'iso20022/__fixtures__/camt.053.001.02.xml',
  'iso20022/__fixtures__/pain.002.001.03.xml',
  'iso20022/__fixtures__/pain.001.001.09.golden.xml',
];

describe('bank messages -> canonical (golden)', () => {
  it.each(bankGoldenCases(golden))('maps %s', (file) => {
    const { actual, expected } = bankGolden(golden, file);
    expect(actual).toEqual(expected);
  });
  it.each(CODEC_FIXTURES)('maps codec fixture %s', (file) => {
    const { actual, expected } = bankGolden(codecs, file, golden);
    expect(actual).toEqual(expected);
  });
});

describe('statement balances', () => {
  it('flags a statement whose balances do not add up, with the difference', () => {
    const [result] = mapBankFile(join(golden, 'mt940-balances-do-not-add-up.sta'));
    expect(result.documents[0].payload).toMatchObject({
      balanceDifference: { amount: '100.00', currency: 'USD' },
    });
    expect(result.warnings[0]).toMatch(/balances do not add up.*difference 100\.00/);
  });

  it('accepts one that adds up, a reversal counting against its side', () => {
    const [result] = mapBankFile(join(golden, 'mt940-export-receipts.sta'));
    expect(result.documents[0].payload).not.toHaveProperty('balanceDifference');
    expect(result.warnings).toEqual([]);
  });

  it("checks an MT942's :90D:/:90C: entry counts and sums against its entries", () => {
    const [result] = mapBankFile(join(golden, 'mt942-intraday.sta'));
    expect(result.warnings).toEqual([]);
    expect(result.documents[0].payload).toMatchObject({ intraday: true, balances: [] });
  });
});
