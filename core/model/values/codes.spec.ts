import { COUNTRY_CODES, CountryCodeSchema, isCountryCode } from './country.codes';
import { DateSchema, DateTimeSchema } from './datetime.schema';
import {
  ChinaHsCiqCodeSchema,
  ChinaHsCodeSchema,
  hsChapter,
  hsHeading,
  HsCodeSchema,
  hsSubheading,
  splitHsCiq,
} from './hs-code';
import { INCOTERMS_2020, IncotermSchema } from './incoterm.schema';
import { LocationSchema, UnLocodeSchema } from './location.schema';
import { QuantitySchema } from './quantity.schema';
import { isPackageCode, isUnitCode, UnitCodeSchema } from './unit.schema';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  schema.safeParse(v).success;

describe('code lists', () => {
  it('has the 249 ISO 3166-1 alpha-2 codes', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect([isCountryCode('CN'), isCountryCode('HK'), isCountryCode('UK')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(CountryCodeSchema.safeParse('cn').error?.issues[0].message).toMatch(/ISO 3166-1/);
  });

  it('has the eleven Incoterms 2020 rules and nothing older', () => {
    expect(INCOTERMS_2020).toHaveLength(11);
    expect(ok(IncotermSchema, 'DPU')).toBe(true);
    expect(ok(IncotermSchema, 'DAT')).toBe(false);
  });

  it('accepts Rec 20 units and refuses others', () => {
    for (const unit of ['C62', 'KGM', 'MTQ', 'LTR', 'MTR', 'SET', 'H87']) {
      expect(ok(UnitCodeSchema, unit)).toBe(true);
    }
    expect(ok(UnitCodeSchema, 'PCE')).toBe(false);
    expect(ok(UnitCodeSchema, 'kg')).toBe(false);
    expect(ok(UnitCodeSchema, 'toString')).toBe(false);
  });

  it('accepts the whole of Rec 20 and the Rec 21 package codes, from the data file', () => {
    // Rec 20 beyond the common few; Rec 21 bare (EDIFACT 7065) and with EN 16931's X prefix.
    for (const unit of ['KWT', 'MWH', 'HLT', 'TEU', 'NPR', 'CT', 'PK', 'PX', 'XCT', '1A', 'X1A'])
      expect([unit, ok(UnitCodeSchema, unit)]).toEqual([unit, unit !== 'TEU']);
    expect(isPackageCode('CT')).toBe(true);
    expect(isPackageCode('KGM')).toBe(false);
    expect(isUnitCode('ZZZ')).toBe(false);
    expect(ok(QuantitySchema, { value: '12.5', unit: 'KGM' })).toBe(true);
    expect(ok(QuantitySchema, { value: '-1', unit: 'KGM' })).toBe(false);
  });
});

describe('UN/LOCODE and locations', () => {
  it.each(['CNSHA', 'CNNGB', 'NLRTM', 'DEHAM', 'USNYC', 'GB2XX'])('accepts %s', (code) =>
    expect(ok(UnLocodeSchema, code)).toBe(true),
  );
  it.each(['CN SHA', 'cnsha', 'CNSH1', 'CNSH', 'C1SHA'])('refuses %s', (code) =>
    expect(ok(UnLocodeSchema, code)).toBe(false),
  );
  it('keeps a name and facility code', () => {
    expect(ok(LocationSchema, { unLocode: 'CNNGB', name: 'Ningbo', facilityCode: 'BLCT' })).toBe(
      true,
    );
  });
});

describe('HS codes', () => {
  it('accepts 6 to 10 digits and splits them', () => {
    expect(ok(HsCodeSchema, '851713')).toBe(true);
    expect(ok(HsCodeSchema, '8517130000')).toBe(true);
    expect(ok(HsCodeSchema, '8517.13')).toBe(false);
    expect(ok(HsCodeSchema, '85171300001')).toBe(false);
    for (const truncated of ['8517130', '851713000', '85171', '8517130000999'])
      expect(ok(HsCodeSchema, truncated)).toBe(false);
    expect(ok(HsCodeSchema, '85171300')).toBe(true);
    expect(ok(ChinaHsCiqCodeSchema, '8517130000999')).toBe(true);
    expect(ok(ChinaHsCiqCodeSchema, '8517130000')).toBe(false);
    expect(splitHsCiq('8517130000999')).toEqual({ hsCode: '8517130000', ciqCode: '999' });
    expect([hsChapter('8517130000'), hsHeading('8517130000'), hsSubheading('8517130000')]).toEqual([
      '85',
      '8517',
      '851713',
    ]);
  });

  it('needs 10 digits for China declarations', () => {
    expect(ok(ChinaHsCodeSchema, '8517130000')).toBe(true);
    expect(ok(ChinaHsCodeSchema, '85171300')).toBe(false);
  });
});

describe('dates', () => {
  it('needs a zone on date-times', () => {
    expect(ok(DateTimeSchema, '2025-03-01T08:30:00+08:00')).toBe(true);
    expect(ok(DateTimeSchema, '2025-03-01T00:30:00.123Z')).toBe(true);
    expect(ok(DateTimeSchema, '2025-03-01T08:30:00')).toBe(false);
    expect(ok(DateTimeSchema, '20250301083000')).toBe(false);
  });

  it('checks calendar dates', () => {
    expect(ok(DateSchema, '2024-02-29')).toBe(true);
    expect(ok(DateSchema, '2025-02-29')).toBe(false);
    expect(ok(DateSchema, '250301')).toBe(false);
  });
});
