import { nameKey } from './name-normalise';
import { screenParty, type ListedParty } from './screening';

// A fictional list in the shape of the Consolidated Screening List.
const list: ListedParty[] = [
  {
    id: 'E1',
    name: 'Sergei Ivanovich PETROV',
    altNames: ['Сергей Иванович Петров'],
    countries: ['RU'],
    source: 'SDN',
  },
  { id: 'E2', name: 'Mohammed Al-Rashid Trading LLC', countries: ['AE'], source: 'EL' },
  { id: 'E3', name: 'Zhongxin Precision Machinery Co., Ltd.', countries: ['CN'], source: 'EL' },
  { id: 'E4', name: 'Nordic Dual-Use Components GmbH', countries: ['DE'], source: 'DPL' },
  { id: 'E5', name: 'Müller Aerotech AG', countries: ['CH'], source: 'MEU' },
];

const hitIds = (name: string, country?: string) =>
  screenParty({ role: 'BUYER', name, country }, list).map((h) => h.entry.id);

describe('restricted party screening', () => {
  it('normalises scripts, accents, legal forms and transliteration variants alike', () => {
    expect(nameKey('Сергей Петров')).toEqual(nameKey('Sergey Petrov'));
    expect(nameKey('Müller Aerotech AG')).toEqual(nameKey('Mueller Aerotech'));
    expect(nameKey('Muhammad Al Rasheed')).toEqual(nameKey('Mohammed Al-Rashid'));
  });

  it.each([
    ['Sergey Petrov', 'RU', 'E1'],
    ['PETROV, Sergei I.', undefined, 'E1'],
    ['Сергей Петров', 'RU', 'E1'],
    ['Muhammad Al Rasheed Trading', 'AE', 'E2'],
    ['ZHONGXIN PRECISION MACHINERY COMPANY LIMITED', 'CN', 'E3'],
    ['Nordic Dual Use Components', 'DE', 'E4'],
    ['Mueller Aerotech', 'CH', 'E5'],
  ])('true positive: %s (%s) matches %s', (name, country, id) => {
    expect(hitIds(name, country)).toContain(id);
  });

  it.each([
    ['Petrova Flowers Ltd', 'RU'],
    ['Zhongshan Precision Plastics Co., Ltd.', 'CN'],
    ['Nordic Components Trading AB', 'SE'],
    ['Rashid Electronics', 'AE'],
    ['Ningbo Example Trading Co., Ltd.', 'CN'],
    ['Sergio Pedrosa', 'ES'],
  ])('false positive avoided: %s (%s)', (name, country) => {
    expect(hitIds(name, country)).toEqual([]);
  });

  it('scores a party in another country lower and keeps the matched entry', () => {
    const home = screenParty(
      { role: 'CONSIGNEE', name: 'Mohammed Al-Rashid Trading', country: 'AE' },
      list,
    );
    const abroad = screenParty(
      { role: 'CONSIGNEE', name: 'Mohammed Al-Rashid Trading', country: 'GB' },
      list,
    );
    expect(home[0]).toMatchObject({ score: 1, matchedName: 'Mohammed Al-Rashid Trading LLC' });
    expect(abroad[0].score).toBe(0.9);
  });
});
