import Decimal from 'decimal.js';
import { meter, type Billable, type FeeRule, type MeteredFee } from './metering';
import { buildStatement, statementCsv } from './statement';
import { fxMargin, fxMarginEarned } from './fx-margin';
import {
  convert,
  freightMarginLine,
  shipmentKey,
  type BoughtFreight,
  type FreightSale,
} from './freight-margin';

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

describe('FX margin: the difference between the bank rate and the client rate', () => {
  const delivery = {
    ref: 'FWD-1/pay-1',
    dealNo: 'FWD-1',
    amount: usd('21000.00'),
    quoteCurrency: 'CNY',
    bankRate: '7.1000',
    clientRate: '7.0800',
    deliveredAt: at('31'),
  };

  it.each([
    // The client sells 21,000.00 USD: the bank pays 7.1000, the client gets 7.0800:
    // (7.1000 - 7.0800) x 21,000.00 = 420.00 CNY.
    ['SELL_FX', '7.1000', '7.0800', '420.00'],
    // The client buys at 7.1300 what the bank sold at 7.1000: 0.0300 x 21,000.00 = 630.00.
    ['BUY_FX', '7.1000', '7.1300', '630.00'],
    // A client rate better than the bank's is a loss, metered as one.
    ['SELL_FX', '7.1000', '7.1012', '-25.20'],
    // 12,345.67 x 0.00333 = 41.1110811 -> 41.11.
    ['SELL_FX', '7.10333', '7.10000', '41.11'],
  ] as const)('%s bank %s client %s: %s CNY', (direction, bankRate, clientRate, margin) => {
    const amount = margin === '41.11' ? usd('12345.67') : delivery.amount;
    expect(fxMargin({ ...delivery, direction, bankRate, clientRate, amount })).toEqual(cny(margin));
  });

  it('meters the margin under a MARGIN rule only; a percent rule meters none of it', () => {
    const b = fxMarginEarned({ ...delivery, direction: 'SELL_FX' });
    expect(meter(b, [{ service: 'FX_MARGIN', kind: 'MARGIN' }])).toEqual({
      service: 'FX_MARGIN',
      ref: 'FWD-1/pay-1',
      occurredAt: at('31'),
      fee: cny('420.00'),
      basis: 'SELL_FX USD 21000.00: bank 7.1000, client 7.0800',
    });
    expect(meter(b, schedule)).toBeUndefined();
    // And the percent billable of before is not metered under a MARGIN rule.
    const percent = {
      service: 'FX_MARGIN' as const,
      ref: 'D',
      occurredAt: at('01'),
      base: usd('1'),
    };
    expect(meter(percent, [{ service: 'FX_MARGIN', kind: 'MARGIN' }])).toBeUndefined();
  });
});

describe('freight margin: sold - bought, per carrier-scoped shipment', () => {
  const sale: FreightSale = {
    clientId: 'nbhs',
    shipmentKey: shipmentKey('maeu', 'BL', 'maeu253419876'),
    sold: cny('14000.00'),
    soldAt: '2026-05-06T10:00:00+08:00',
    meteredRef: null,
  };
  const bill = (invoiceNo: string, amount: string, occurredAt: string): BoughtFreight => ({
    invoiceNo,
    billed: usd(amount),
    rate: '7.1000',
    inSaleCurrency: convert(usd(amount), 'CNY', '7.1000')!,
    occurredAt,
  });

  it('keys a shipment by carrier and number, so carriers never meet', () => {
    expect(sale.shipmentKey).toBe('BL:MAEU:MAEU253419876');
    expect(shipmentKey('COSU', 'BL', 'MAEU253419876')).not.toBe(sale.shipmentKey);
    expect(convert(usd('1.00'), 'CNY')).toBeUndefined();
  });

  it('meters sold - bought at the later time, then a later bill as a reduction', () => {
    // 1,845.00 USD x 7.1000 = 13,099.50 CNY; 14,000.00 - 13,099.50 = 900.50 CNY.
    const first = freightMarginLine(sale, [bill('INV-1', '1845.00', '2026-05-10T09:00:00+08:00')]);
    expect(first).toMatchObject({
      ref: 'BL:MAEU:MAEU253419876',
      occurredAt: '2026-05-10T09:00:00+08:00',
      margin: cny('900.50'),
      basis: 'sold CNY 14000.00 - bought CNY 13099.50 (INV-1 USD 1845.00 at 7.1000)',
    });
    // A demurrage bill after the margin was metered: 120.00 x 7.1000 = 852.00 less.
    const later = freightMarginLine({ ...sale, meteredRef: first.ref }, [
      bill('INV-2', '120.00', '2026-05-01T09:00:00Z'),
    ]);
    expect(later).toMatchObject({
      ref: 'BL:MAEU:MAEU253419876+INV-2',
      occurredAt: sale.soldAt,
      margin: cny('-852.00'),
    });
  });
});
