import { lc } from './lc-fixture';
import {
  checkPolicy,
  decideReceivables,
  type ReceivableFacts,
  type ReceivablesPolicy,
} from './receivables';
import { decidePackingLoan, decideSupplyChain, type ApprovedPayable } from './trade-loans';

const usd = (amount: string) => ({ amount, currency: 'USD' as const });
const cny = (amount: string) => ({ amount, currency: 'CNY' as const });
const codes = (o: { reasons: Array<{ code: string }> }) => o.reasons.map((r) => r.code);

const policy: ReceivablesPolicy = {
  advanceRatePercent: '80',
  requireInsuredBuyer: true,
  feeGrid: [
    { risk: 'LOW', maxTenorDays: 180, feePercent: '1.5' },
    { risk: 'LOW', maxTenorDays: 90, feePercent: '1' },
    { risk: 'MEDIUM', maxTenorDays: 90, feePercent: '1.8' },
    { risk: 'MEDIUM', maxTenorDays: 180, feePercent: '2.5' },
    { risk: 'HIGH', maxTenorDays: 90, feePercent: '3' },
  ],
};
const ready: ReceivableFacts = {
  invoiceValue: usd('100000.00'),
  tenorDays: 60,
  buyerRisk: 'LOW',
  declaration: { declarationNo: '310120260000012345', released: true },
  billOfLading: { blNo: 'NBHAM260421', shippedOnBoardDate: '2026-04-21' },
  buyerLimit: { policyNo: 'SCH2026-001', available: usd('150000.00') },
};

describe('receivables financing', () => {
  it('advances 80% of the invoice with the fee of its tenor and risk', () => {
    // 100,000.00 x 80% = 80,000.00; LOW risk at 60 days falls in the 90-day band: 1%.
    expect(decideReceivables(ready, policy)).toEqual({
      eligible: true,
      reasons: [],
      amount: usd('80000.00'),
      fee: usd('1000.00'),
      feePercent: '1',
    });
  });

  it.each([
    // 12,345.67 x 0.8 = 9,876.536 -> 9,876.54; x 1.8% = 222.22206 -> 222.22.
    ['MEDIUM', 60, '12345.67', '9876.54', '222.22'],
    // 120 days is past the 90-day band: 2.5% of 100,000.00.
    ['MEDIUM', 120, '100000.00', '80000.00', '2500.00'],
    ['LOW', 180, '100000.00', '80000.00', '1500.00'],
  ] as const)(
    '%s risk at %i days on %s: advance %s, fee %s',
    (risk, tenorDays, value, advance, fee) => {
      const o = decideReceivables(
        { ...ready, buyerRisk: risk, tenorDays, invoiceValue: usd(value) },
        policy,
      );
      expect([o.amount?.amount, o.fee?.amount]).toEqual([advance, fee]);
    },
  );

  it.each<[string, Partial<ReceivableFacts>, string[]]>([
    ['no declaration', { declaration: undefined }, ['NO_DECLARATION']],
    [
      'a declaration not released',
      { declaration: { declarationNo: 'D1', released: false } },
      ['DECLARATION_NOT_RELEASED'],
    ],
    ['no B/L', { billOfLading: undefined }, ['NO_BILL_OF_LADING']],
    ['a B/L not on board', { billOfLading: { blNo: 'B1' } }, ['NOT_ON_BOARD']],
    ['an uninsured buyer', { buyerLimit: undefined }, ['BUYER_NOT_INSURED']],
    [
      'a limit with 99,999.99 free',
      { buyerLimit: { policyNo: 'P', available: usd('99999.99') } },
      ['CREDIT_LIMIT_EXCEEDED'],
    ],
    ['a tenor of 181 days', { tenorDays: 181 }, ['TENOR_NOT_PRICED']],
    ['a high-risk buyer at 120 days', { buyerRisk: 'HIGH', tenorDays: 120 }, ['TENOR_NOT_PRICED']],
    [
      'nothing at all',
      { declaration: undefined, billOfLading: undefined, buyerLimit: undefined },
      ['NO_DECLARATION', 'NO_BILL_OF_LADING', 'BUYER_NOT_INSURED'],
    ],
  ])('refuses with %s', (_name, change, expected) => {
    const o = decideReceivables({ ...ready, ...change }, policy);
    expect([o.eligible, codes(o), o.amount]).toEqual([false, expected, undefined]);
  });

  it('finances an uninsured buyer when the policy does not require insurance', () => {
    const o = decideReceivables(
      { ...ready, buyerLimit: undefined },
      { ...policy, requireInsuredBuyer: false },
    );
    expect(o.eligible).toBe(true);
  });

  it('refuses a fee grid outside 1-3%', () => {
    expect(() => checkPolicy(policy)).not.toThrow();
    const bad = {
      ...policy,
      feeGrid: [{ risk: 'HIGH' as const, maxTenorDays: 90, feePercent: '3.5' }],
    };
    expect(() => checkPolicy(bad)).toThrow('outside 1-3%');
  });
});

describe('packing loan', () => {
  const request = { lc, requestedOn: '2026-03-10', maxRatePercent: '80', drawn: usd('0') };

  it('lends up to 80% of a confirmed credit, less what is drawn', () => {
    // 100,000.00 x 80% = 80,000.00; 30,000.00 drawn leaves 50,000.00.
    expect(decidePackingLoan({ ...request, drawn: usd('30000.00') }).amount).toEqual(
      usd('50000.00'),
    );
  });

  it.each<[string, Partial<typeof request>, string[]]>([
    ['an unconfirmed credit', { lc: { ...lc, confirmation: 'MAY_ADD' } }, ['LC_NOT_CONFIRMED']],
    ['after expiry', { requestedOn: '2026-06-01' }, ['LC_EXPIRED', 'SHIPMENT_DATE_PASSED']],
    ['after the latest shipment date', { requestedOn: '2026-05-01' }, ['SHIPMENT_DATE_PASSED']],
    [
      'a soft clause',
      { lc: { ...lc, additionalConditions: ['INSPECTION CERTIFICATE SIGNED BY APPLICANT'] } },
      ['SOFT_CLAUSE'],
    ],
    ['the credit fully drawn', { drawn: usd('80000.00') }, ['LC_FULLY_DRAWN']],
  ])('refuses %s', (_name, change, expected) => {
    expect(codes(decidePackingLoan({ ...request, ...change }))).toEqual(expected);
  });
});

describe('supply chain finance', () => {
  const payable: ApprovedPayable = {
    payableNo: 'AP-7788',
    coreEnterprise: 'Zhejiang Home Appliances Group',
    amount: cny('500000.00'),
    approved: true,
    dueDate: '2026-07-31',
  };
  const limit = { limit: cny('2000000.00'), used: cny('1500000.00'), financingRatePercent: '100' };

  it('finances the whole approved payable within the core enterprise limit', () => {
    // 2,000,000.00 - 1,500,000.00 = 500,000.00 free, exactly the payable.
    expect(decideSupplyChain(payable, limit, '2026-05-01').amount).toEqual(cny('500000.00'));
  });

  it.each<[string, Partial<ApprovedPayable>, string, string[]]>([
    ['an unapproved payable', { approved: false }, '1500000.00', ['PAYABLE_NOT_APPROVED']],
    ['a payable already due', { dueDate: '2026-05-01' }, '1500000.00', ['PAYABLE_DUE']],
    ['a limit 0.01 short', {}, '1500000.01', ['CORE_LIMIT_EXCEEDED']],
  ])('refuses %s', (_name, change, used, expected) => {
    const o = decideSupplyChain(
      { ...payable, ...change },
      { ...limit, used: cny(used) },
      '2026-05-01',
    );
    expect(codes(o)).toEqual(expected);
  });
});
