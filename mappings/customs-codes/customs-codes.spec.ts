import {
  countryToCeb,
  countryToDeclaration,
  countryToIso,
  currencyToCustoms,
  currencyToIso,
  incotermOf,
  returnStatusOf,
  tradeMode,
  transactionTermsOf,
  unitToCustoms,
  unitToRec20,
} from '.';

describe('customs code tables', () => {
  it.each([
    ['142', 'CNY'],
    ['502', 'USD'],
    ['300', 'EUR'],
  ])('currency %s is %s both ways', (code, iso) => {
    expect(currencyToIso(code, 'currency')).toBe(iso);
    expect(currencyToCustoms(iso, 'currency')).toBe(code);
  });

  it.each([
    ['116', 'JP'],
    ['142', 'CN'],
    ['HKG', 'HK'],
    ['usa', 'US'],
  ])('country %s is %s', (code, iso) => expect(countryToIso(code, 'country')).toBe(iso));

  it('writes countries as CEB numerics and declaration alpha-3', () => {
    expect(countryToCeb('JP', 'country')).toBe('116');
    expect(countryToDeclaration('HK', 'cusTradeCountry')).toBe('HKG');
  });

  it.each([
    ['007', 'H87'],
    ['035', 'KGM'],
    ['025', 'PR'],
    ['006', 'SET'],
  ])('unit %s is %s', (code, unit) => expect(unitToRec20(code, 'unit')).toBe(unit));

  it('declares pieces as 007 and kilograms as 035', () => {
    expect(unitToCustoms('C62', 'gUnit')).toBe('007');
    expect(unitToCustoms('KGM', 'firstUnit')).toBe('035');
  });

  it.each([
    ['EXW', '7'],
    ['FCA', '3'],
    ['FOB', '3'],
    ['CPT', '2'],
    ['CIF', '1'],
    ['DDP', '1'],
  ])('Incoterm %s declares transMode %s', (incoterm, terms) =>
    expect(transactionTermsOf(incoterm, 'terms.incoterm')).toBe(terms),
  );

  it('reads transMode back to an Incoterm where there is one', () => {
    expect(incotermOf('2', 'transMode')).toBe('CFR');
    expect(incotermOf('5', 'transMode')).toBeUndefined();
  });

  it.each([
    ['2', 'PROCESSING'],
    ['100', 'REJECTED'],
    ['120', 'ENTERED'],
    ['500', 'INSPECTION'],
    ['800', 'RELEASED'],
    ['899', 'CLOSED'],
    ['-301010', 'ERROR'],
  ])('returnStatus %s is %s', (code, outcome) =>
    expect(returnStatusOf(code).outcome).toBe(outcome),
  );

  it('keeps an unlisted numeric returnStatus as processing, marked unlisted', () => {
    expect(returnStatusOf('23')).toEqual({
      meaning: 'status 23 (not in the CEB table)',
      outcome: 'PROCESSING',
      listed: false,
    });
  });

  it.each<[string, () => unknown]>([
    ['currency', () => currencyToIso('aaa', 'currency', '/CEB303Message/Order/OrderHead/currency')],
    ['country', () => countryToIso('999', 'country')],
    ['gUnit', () => unitToRec20('999', 'gUnit')],
    ['tradeMode', () => tradeMode('0101', 'tradeMode')],
    ['terms.incoterm', () => transactionTermsOf('XYZ', 'terms.incoterm')],
    ['returnStatus', () => returnStatusOf('ok')],
  ])('an unknown code is a mapping error naming the field %s', (field, convert) => {
    expect(convert).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        code: 'CUSTOMS_CODE_UNKNOWN',
        message: expect.stringContaining(`${field}:`),
      }),
    );
  });
});
