import { expiringSoon, qualify, type ClientQualification } from './qualification';

const base: ClientQualification = {
  clientId: 'c-ningbo',
  uscc: '91330200MA2H0XXXX1',
  name: '宁波示例贸易有限公司',
  registrations: [],
};
const operator = {
  kind: 'FOREIGN_TRADE_OPERATOR' as const,
  number: '04512345',
  status: 'ACTIVE' as const,
};
const customs = { kind: 'CUSTOMS' as const, number: '330296000A', status: 'ACTIVE' as const };

describe('qualification agency', () => {
  it.each<[string, ClientQualification, ReturnType<typeof qualify>]>([
    [
      'both registrations: declares itself',
      { ...base, registrations: [operator, customs] },
      { mode: 'SELF', customsCode: '330296000A' },
    ],
    [
      'no registration but an agency: platform is exporter of record, client the owner',
      { ...base, agency: { status: 'ACTIVE' } },
      { mode: 'AGENCY', owner: { uscc: '91330200MA2H0XXXX1', name: '宁波示例贸易有限公司' } },
    ],
    [
      'neither: blocked with every reason',
      base,
      {
        mode: 'BLOCKED',
        reasons: [
          'no foreign trade operator registration',
          'no customs registration',
          'no exporter-of-record agency',
        ],
      },
    ],
    [
      'expired customs registration and ended agency: blocked',
      {
        ...base,
        registrations: [operator, { ...customs, validUntil: '2026-03-01' }],
        agency: { status: 'ENDED' },
      },
      {
        mode: 'BLOCKED',
        reasons: [
          'customs registration 330296000A expired on 2026-03-01',
          'the exporter-of-record agency has ended',
        ],
      },
    ],
    [
      'suspended registration',
      { ...base, registrations: [{ ...operator, status: 'SUSPENDED' }, customs] },
      {
        mode: 'BLOCKED',
        reasons: [
          'foreign trade operator registration 04512345 is suspended',
          'no exporter-of-record agency',
        ],
      },
    ],
  ])('%s', (_name, q, expected) => {
    expect(qualify(q, '2026-03-15')).toEqual(expected);
  });

  it('warns ahead of expiry, soonest first, and not for what is already expired', () => {
    const q: ClientQualification = {
      ...base,
      registrations: [
        { ...operator, validUntil: '2026-04-14' },
        { ...customs, validUntil: '2026-03-20' },
      ],
      agency: { status: 'ACTIVE', validUntil: '2026-03-10' },
    };
    expect(expiringSoon(q, '2026-03-15', 30)).toEqual([
      {
        clientId: 'c-ningbo',
        what: 'customs registration 330296000A',
        validUntil: '2026-03-20',
        daysLeft: 5,
      },
      {
        clientId: 'c-ningbo',
        what: 'foreign trade operator registration 04512345',
        validUntil: '2026-04-14',
        daysLeft: 30,
      },
    ]);
  });
});
