import { accountFromText, endToEndRef } from './mt-read';
import { readOwnerInformation } from './mt-86';

describe(':25: account identification', () => {
  it.each([
    ['NL91ABNA0417164300', { iban: 'NL91ABNA0417164300' }],
    ['NL91 ABNA 0417 1643 00', { iban: 'NL91ABNA0417164300' }],
    ['ABNANL2A/0417164300', { bankBic: 'ABNANL2A', number: '0417164300' }],
    ['3901120109000012345 USD', { number: '3901120109000012345', currency: 'USD' }],
    // An IBAN-shaped number whose check digits fail stays a plain account number.
    ['NL92ABNA0417164300', { number: 'NL92ABNA0417164300' }],
  ])('%s', (text, account) => expect(accountFromText(text)).toEqual(account));
});

describe(':86: information to account owner', () => {
  it('reads the German GVC layout', () => {
    const text =
      '166?00GUTSCHRIFT?20EREF+INV-7?21SVWZ+PAYMENT INV-7?31DE89370400440532013000?32ACME GMBH';
    expect(readOwnerInformation(text)).toEqual({
      counterpartyName: 'ACME GMBH',
      counterpartyAccount: { iban: 'DE89370400440532013000' },
      remittanceInfo: 'PAYMENT INV-7',
      endToEndId: 'INV-7',
    });
  });

  it('reads the SWIFT /CODE/ layout', () => {
    expect(readOwnerInformation('/EREF/E2E-1/REMI/INV 42/ORDP/ACME INC/')).toMatchObject({
      counterpartyName: 'ACME INC',
      remittanceInfo: 'INV 42',
      endToEndId: 'E2E-1',
    });
  });

  it('keeps free text whole', () => {
    expect(readOwnerInformation('BANK CHARGES MARCH')).toEqual({
      remittanceInfo: 'BANK CHARGES MARCH',
    });
  });

  it('ignores NOTPROVIDED end-to-end ids', () => {
    expect(endToEndRef('EREF+NOTPROVIDED SVWZ+X')).toBeUndefined();
  });
});
