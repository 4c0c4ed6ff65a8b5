import { TradeError } from '../../../../core/errors/trade-error';
import { fieldParser } from '.';

// Each field against its SWIFT format: n digits, d digits with a decimal comma (15d counts
// the comma), a upper-case letters, c upper-case letters and digits, x the X character set.
type Row = [tag: string, messageType: string, value: string, accepted: boolean];

const rows: Row[] = [
  ['20', 'MT940', 'STMT-2025/1', true],
  ['20', 'MT940', '', false],
  ['25', 'MT940', 'NL12BANK0123456789', true],
  ['28', 'MT940', '12345', true],
  ['28', 'MT940', '123456', false],
  ['28C', 'MT940', '12345', true],
  ['28C', 'MT940', '12345/12345', true],
  ['28C', 'MT940', '1A', false],
  ['60F', 'MT940', 'C250101EUR100,00', true],
  ['60F', 'MT940', 'X250101EUR100,00', false],
  ['60F', 'MT940', 'C251301EUR1,', false],
  ['60F', 'MT940', 'C250101EU100,00', false],
  ['60F', 'MT940', 'C250101EUR12345678901234,', true],
  ['60F', 'MT940', 'C250101EUR123456789012345,', false],
  ['60F', 'MT940', 'C250101EUR1234567890123,45', false],
  ['60F', 'MT940', 'C250101EUR0000000001000,89', true],
  ['62F', 'MT940', 'D250228EUR0,', true],
  ['62M', 'MT940', 'C250229EUR1,', false],
  ['64', 'MT940', 'C250101EUR100,00', true],
  ['61', 'MT940', '2501010101C10,00NTRFNONREF', true],
  ['61', 'MT940', '250101RD10,00NMSCREF//BANKREF', true],
  ['61', 'MT940', '2501010101X10,00NTRFNONREF', false],
  ['86', 'MT940', '/EREF/E2E-1/REMI/INVOICE 42', true],
  ['34F', 'MT942', 'EUR0,', true],
  ['34F', 'MT942', 'EURD100,', true],
  ['34F', 'MT942', 'EURX100,', false],
  ['13D', 'MT942', '2501011200+0100', true],
  ['13D', 'MT942', '2501012460+0100', false],
  ['90D', 'MT942', '1EUR10,00', true],
  ['90C', 'MT942', '12345EUR1234,56', true],
  ['90C', 'MT942', '123456EUR1,', false],
  ['90C', 'MT942', '12EUR1234567890123456,', false],
  ['32A', 'MT103', '250101EUR100,', true],
  ['32A', 'MT103', '250101eur100,', false],
  ['32B', 'MT700', 'USD15000,00', true],
  ['33B', 'MT103', 'EUR100,5', true],
  ['23B', 'MT103', 'CRED', true],
  ['23B', 'MT103', 'cred', false],
  ['71A', 'MT103', 'SHA', true],
  ['71A', 'MT103', 'OUR', true],
  ['71A', 'MT103', 'BEN', true],
  ['71A', 'MT103', 'SHA  ', true],
  ['71A', 'MT103', 'XYZ', false],
  ['71F', 'MT103', 'EUR10,', true],
  ['52A', 'MT103', 'BANKBEBB', true],
  ['52A', 'MT103', '/D/123\nBANKBEBBXXX', true],
  ['52A', 'MT103', 'bankbebb', false],
  ['50K', 'MT103', '/123\nPAYER NAME', true],
  ['50F', 'MT103', '/123\n1/NAME\n2/STREET 1', true],
  ['50F', 'MT103', '/123\n9/NAME', false],
  ['27', 'MT700', '1/2', true],
  ['27', 'MT700', '12/2', false],
  ['31C', 'MT700', '250101', true],
  ['31C', 'MT700', '250230', false],
  ['31D', 'MT700', '250601HAMBURG', true],
  ['39A', 'MT700', '10/10', true],
  ['39A', 'MT700', '100/10', false],
  ['48', 'MT700', '21/AFTER SHIPMENT', true],
  ['49', 'MT700', 'WITHOUT', true],
  ['49', 'MT700', 'MAYBE', false],
  ['26E', 'MT707', '2', true],
  ['26E', 'MT707', '1234', false],
  ['22A', 'MT707', 'ISSU', true],
  ['22A', 'MT707', 'AC01', true],
  ['22A', 'MT707', 'ISS', false],
  ['28D', 'MT101', '1/1', true],
  ['28D', 'MT101', '12345/12345', true],
  ['28D', 'MT101', '123456/1', false],
  ['28D', 'MT101', '2/1', false],
  ['28D', 'MT101', '1', false],
  ['30', 'MT101', '250502', true],
  ['30', 'MT101', '250230', false],
  ['30', 'MT101', '2505021', false],
  ['21R', 'MT101', 'BATCH-7', true],
  ['21F', 'MT101', 'FX-DEAL-1', true],
  ['50G', 'MT101', '/4000023009200456789\nICBKCNBJSZN', true],
  ['50G', 'MT101', '/4000023009200456789\nicbkcnbj', false],
  ['50G', 'MT101', 'ICBKCNBJSZN', false],
  ['50H', 'MT101', '/4000023009200456789\nSHENZHEN YUNTONG\nSHENZHEN', true],
  ['50H', 'MT101', 'SHENZHEN YUNTONG', false],
  ['23E', 'MT101', 'CHQB', true],
  ['23E', 'MT101', 'PHON/ASK FOR MR WANG', true],
  ['23E', 'MT101', 'CHQ', false],
  ['77B', 'MT101', '/ORDERRES/CN//GOODS', true],
  ['25A', 'MT101', '/4000023009200456789', true],
  ['25A', 'MT101', '4000023009200456789', false],
  ['36', 'MT101', '7,1234', true],
  ['36', 'MT101', '1234567890,12', false],
  ['59', 'MT101', '/3901120109000012345\nNINGBO HAISHU', true],
  ['71A', 'MT101', 'OUR', true],
];

function parse(tag: string, messageType: string, value: string) {
  const parser = fieldParser(tag, messageType);
  if (!parser) throw new Error(`no parser for ${tag} in ${messageType}`);
  return parser(value, { tag, line: 1, warn: () => undefined });
}

describe('SWIFT MT field formats', () => {
  it.each(rows.filter((r) => r[3]))(':%s: of %s accepts %j', (tag, type, value) => {
    expect(() => parse(tag, type, value)).not.toThrow();
  });

  it.each(rows.filter((r) => !r[3]))(
    ':%s: of %s refuses %j, located at the field',
    (tag, type, value) => {
      let thrown: unknown;
      try {
        parse(tag, type, value);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(TradeError);
      expect((thrown as TradeError).location).toMatchObject({ fieldTag: tag, line: 1 });
    },
  );

  it('reads MT101 :28D: as index and total and :30: as an ISO date', () => {
    expect(parse('28D', 'MT101', '1/3')).toEqual({ index: 1, total: 3 });
    expect(parse('30', 'MT101', '250502')).toEqual({ date: '2025-05-02' });
  });

  it('reads :90C: as count, currency and amount', () => {
    expect(parse('90C', 'MT942', '12345EUR1234,56')).toEqual({
      count: 12345,
      currency: 'EUR',
      amount: '1234.56',
    });
  });
});
