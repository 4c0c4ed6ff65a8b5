import { PartySchema, partyId } from './party.schema';

const issuesOf = (input: unknown) => PartySchema.safeParse(input).error?.issues ?? [];

describe('Party', () => {
  it('keeps a Chinese name and its identifiers', () => {
    const party = PartySchema.parse({
      name: '宁波海天进出口有限公司',
      altName: 'Ningbo Haitian Import & Export Co., Ltd.',
      identifiers: [
        { scheme: 'USCC', value: '91350100M000100Y43' },
        { scheme: 'CUSTOMS', value: '3302960ABC' },
        { scheme: 'EDI', value: 'HAITIANNB', qualifier: 'ZZZ' },
        { scheme: 'SHOP', value: '123456789', platform: 'shopee' },
        { scheme: 'GLN', value: '4006381333931' },
        { scheme: 'DUNS', value: '150483782' },
        { scheme: 'EORI', value: 'DE123456789012345' },
        { scheme: 'BIC', value: 'BKCHCNBJ' },
        { scheme: 'VAT', value: 'DE123456789' },
        { scheme: 'OTHER', value: 'X-1', issuer: 'internal' },
      ],
      address: { lines: ['江北区长兴路 88 号'], city: '宁波', postalCode: '315020', country: 'CN' },
      contact: { name: '王丽', email: 'li.wang@example.cn' },
    });
    expect(partyId(party, 'USCC')).toBe('91350100M000100Y43');
    expect(partyId(party, 'CUSTOMS')).toBe('3302960ABC');
    expect(partyId(party, 'LEI' as never)).toBeUndefined();
  });

  it('refuses a USCC with a bad check character, pointing at the value', () => {
    const [issue] = issuesOf({
      name: 'X',
      identifiers: [{ scheme: 'USCC', value: '91350100M000100Y44' }],
    });
    expect(issue.path).toEqual(['identifiers', 0, 'value']);
    expect(issue.message).toMatch(/check character/);
  });

  it.each([
    [{ scheme: 'CUSTOMS', value: '123' }, /10-character/],
    [{ scheme: 'GLN', value: '4006381333932' }, /GS1 check digit/],
    [{ scheme: 'EDI', value: 'X' }, /expected string/],
    [{ scheme: 'SHOP', value: '1' }, /expected string/],
    [{ scheme: 'DUNS', value: '12345' }, /9 digits/],
    [{ scheme: 'LEI', value: '1' }, /./],
  ])('refuses identifier %j', (identifier, message) => {
    const issues = issuesOf({ name: 'X', identifiers: [identifier] });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].message).toMatch(message);
  });

  it('requires a name and an ISO country in the address', () => {
    expect(issuesOf({ name: '  ' })[0].message).toMatch(/name is required/);
    expect(issuesOf({ name: 'X', address: { country: 'XK' } })[0].path).toEqual([
      'address',
      'country',
    ]);
  });
});
