import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseTariffTable, planTariff } from './tariff';
import { parseTradeRemedies, remediesFor } from './trade-remedies';

const data = (name: string) => readFileSync(path.join(__dirname, '..', 'data', name), 'utf8');
const tariff = parseTariffTable(data('tariff-sample.csv'));
const remedies = parseTradeRemedies(data('trade-remedies-sample.csv'));

describe('tariff planning', () => {
  it('KR kettles from CN: MFN 8% of 10 000.00 = 800.00, RCEP 6.4% = 640.00, saving 160.00', () => {
    const answer = planTariff(tariff, {
      hsCode: '8516710000',
      origin: 'CN',
      destination: 'KR',
      customsValue: { amount: '10000.00', currency: 'USD' },
      qualifiesFor: ['RCEP'],
      date: '2026-03-15',
    });
    expect(answer).toEqual({
      mfn: {
        scheme: 'MFN',
        rate: '8',
        rateType: 'AV',
        duty: { amount: '800.00', currency: 'USD' },
      },
      best: {
        scheme: 'RCEP',
        rate: '6.4',
        rateType: 'AV',
        duty: { amount: '640.00', currency: 'USD' },
      },
      notQualified: [],
      saving: { amount: '160.00', currency: 'USD' },
    });
  });

  it('ID picks the lowest agreement: ACFTA 0% beats RCEP 5%; 10% of 2 500.00 saved', () => {
    const answer = planTariff(tariff, {
      hsCode: '8516710000',
      origin: 'CN',
      destination: 'ID',
      customsValue: { amount: '2500.00', currency: 'USD' },
      qualifiesFor: ['RCEP', 'ACFTA'],
      date: '2026-03-15',
    });
    expect(answer.best?.scheme).toBe('ACFTA');
    expect(answer.saving).toEqual({ amount: '250.00', currency: 'USD' });
  });

  it('no saving when the goods do not qualify; the missed preference is listed', () => {
    const answer = planTariff(tariff, {
      hsCode: '6109100010',
      origin: 'CN',
      destination: 'JP',
      customsValue: { amount: '1000', currency: 'JPY' },
      qualifiesFor: [],
      date: '2026-06-01',
    });
    expect(answer.saving.amount).toBe('0.00');
    expect(answer.notQualified.map((d) => [d.scheme, d.duty.amount])).toEqual([['RCEP', '49.00']]);
  });

  it('specific duty: TH shoes 30 THB per pair x 120 pairs = 3 600.00 MFN, ACFTA 0', () => {
    const answer = planTariff(tariff, {
      hsCode: '6402990000',
      origin: 'CN',
      destination: 'TH',
      customsValue: { amount: '50000', currency: 'THB' },
      quantity: { value: '120', unit: 'PR' },
      qualifiesFor: ['ACFTA'],
      date: '2026-03-15',
    });
    expect(answer.mfn?.duty).toEqual({ amount: '3600.00', currency: 'THB' });
    expect(answer.saving).toEqual({ amount: '3600.00', currency: 'THB' });
  });

  it('a broken table row names its line', () => {
    expect(() => parseTariffTable('destination,hsPrefix\nJP\n', 'x.csv')).toThrow('x.csv line 2');
  });
});

describe('AD/CVD rules', () => {
  it.each([
    [
      'US pipe from CN: AD and CVD',
      { market: 'US', hsCode: '7306301000', origin: 'CN' },
      ['A-570-910', 'C-570-911'],
    ],
    ['not for another origin', { market: 'US', hsCode: '7306301000', origin: 'VN' }, []],
    [
      'EU screws country-wide rate',
      { market: 'EU', hsCode: '7318151000', origin: 'CN' },
      ['552:85'],
    ],
    [
      'EU screws: the exporter own rate replaces the country-wide one',
      { market: 'EU', hsCode: '7318151000', origin: 'CN', exporter: '330296000A' },
      ['552:22.1'],
    ],
    ['expired measure no longer warns', { market: 'EU', hsCode: '7208510000', origin: 'CN' }, []],
  ])('%s', (_name, q, expected) => {
    const found = remediesFor(remedies, { ...q, date: '2026-03-15' });
    const label = (r: (typeof found)[number]) =>
      r.market === 'EU' ? `${r.caseNo}:${r.dutyRate}` : r.caseNo;
    expect(found.map(label)).toEqual(expected);
  });
});
