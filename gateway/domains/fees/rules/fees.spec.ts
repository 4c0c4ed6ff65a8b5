import Decimal from 'decimal.js';
import { meter, type Billable, type FeeRule, type MeteredFee } from './metering';
import { buildStatement, statementCsv } from './statement';

const cny = (amount: string) => ({ amount, currency: 'CNY' as const });
const usd = (amount: string) => ({ amount, currency: 'USD' as const });
const schedule: FeeRule[] = [
  { service: 'CLEARANCE', kind: 'PER_ORDER', fee: cny('200.00') },
  { service: 'REBATE_AGENCY', kind: 'PER_ORDER', fee: cny('300.00') },
  { service: 'FINANCING_COMMISSION', kind: 'PERCENT', percent: '1.5' },
  { service: 'FX_MARGIN', kind: 'PERCENT', percent: '0.05' },
];
const at = (day: string) => `2026-05-${day}T10:00:00+08:00`;

describe('fee metering', () => {
  it.each<[string, Billable, string | undefined]>([
    [
      'a cleared order at the per-order fee',
      { service: 'CLEARANCE', ref: 'E1', occurredAt: at('02') },
      '200.00',
    ],
    // 80,000.00 x 1.5% = 1,200.00.
    [
      'a loan drawn at its commission',
      { service: 'FINANCING_COMMISSION', ref: 'F1', occurredAt: at('03'), base: usd('80000.00') },
      '1200.00',
    ],
    // 33,333.33 x 0.05% = 16.6666665 -> 16.67.
    [
      'a forward settled at its margin',
      { service: 'FX_MARGIN', ref: 'FX1', occurredAt: at('04'), base: usd('33333.33') },
      '16.67',
    ],
    [
      'a service the client does not buy',
      { service: 'LOGISTICS', ref: 'B1', occurredAt: at('05') },
      undefined,
    ],
    [
      'a percent service without an amount',
      { service: 'FX_MARGIN', ref: 'FX2', occurredAt: at('05') },
      undefined,
    ],
  ])('meters %s', (_name, billable, fee) => {
    expect(meter(billable, schedule)?.fee.amount).toBe(fee);
  });
});

describe('monthly statement', () => {
  const fees: MeteredFee[] = [
    {
      service: 'CLEARANCE',
      ref: 'E1',
      occurredAt: at('02'),
      fee: cny('200.00'),
      basis: 'per order',
    },
    {
      service: 'FINANCING_COMMISSION',
      ref: 'F1',
      occurredAt: at('03'),
      fee: usd('1200.00'),
      basis: '1.5% of USD 80000.00',
    },
    {
      service: 'CLEARANCE',
      ref: 'E2',
      occurredAt: at('20'),
      fee: cny('200.00'),
      basis: 'per order',
    },
    {
      service: 'REBATE_AGENCY',
      ref: 'D1',
      occurredAt: at('21'),
      fee: cny('300.00'),
      basis: 'per order',
    },
    {
      service: 'FX_MARGIN',
      ref: 'FX1',
      occurredAt: at('04'),
      fee: usd('16.67'),
      basis: '0.05% of USD 33333.33',
    },
    {
      service: 'CLEARANCE',
      ref: 'E0',
      occurredAt: '2026-04-30T23:00:00+08:00',
      fee: cny('200.00'),
      basis: 'per order',
    },
  ];
  const s = buildStatement('client-a', '2026-05', fees);

  it('adds up to the metered events, summed per line and per service', () => {
    // CNY 200 + 200 + 300 = 700.00; USD 1,200.00 + 16.67 = 1,216.67; April's fee is not in May.
    expect(s.totals).toEqual([cny('700.00'), usd('1216.67')]);
    for (const total of s.totals) {
      const byLine = s.lines
        .filter((l) => l.fee.currency === total.currency)
        .reduce((a, l) => a.plus(l.fee.amount), new Decimal(0));
      const byService = s.byService
        .filter((b) => b.total.currency === total.currency)
        .reduce((a, b) => a.plus(b.total.amount), new Decimal(0));
      expect([byLine.toFixed(2), byService.toFixed(2)]).toEqual([total.amount, total.amount]);
    }
    expect(s.byService.find((b) => b.service === 'CLEARANCE')).toEqual({
      service: 'CLEARANCE',
      total: cny('400.00'),
      count: 2,
    });
  });

  it('writes a CSV whose rows add up to its TOTAL rows', () => {
    const rows = statementCsv(s)
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.split(','));
    const totals = rows.filter((r) => r[1] === 'TOTAL');
    const lines = rows.filter((r) => r[1] !== 'TOTAL');
    expect(lines).toHaveLength(5);
    for (const [, , , , amount, currency] of totals) {
      const sum = lines
        .filter((r) => r[5] === currency)
        .reduce((a, r) => a.plus(r[4]), new Decimal(0));
      expect(sum.toFixed(2)).toBe(amount);
    }
    expect(statementCsv(s)).toContain(
      '2026-05-03T10:00:00+08:00,FINANCING_COMMISSION,F1,1.5% of USD 80000.00,1200.00,USD',
    );
  });
});
