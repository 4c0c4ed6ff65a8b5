import Decimal from 'decimal.js';
import { exemptCreditRefund, traderRebate } from './calculation';
import { matchLines, type DeclarationGoodsLine, type VatInvoiceLine } from './matching';
import { DEFAULT_RATES, parseRates, rebateRate } from './rate-table';
import { claimsByPeriod, cycleDays, readiness, type DeclarationFacts } from './readiness';

const cny = (amount: string) => ({ amount, currency: 'CNY' as const });
const D1 = '310120260000012345';
const lamps: DeclarationGoodsLine = {
  declarationNo: D1,
  lineNo: 1,
  exportDate: '2026-04-21',
  hsCode: '9405210000',
  productName: 'LED台灯',
  quantity: '10000',
  unit: '007',
};
const boxes: DeclarationGoodsLine = {
  ...lamps,
  lineNo: 2,
  hsCode: '3926909090',
  productName: '塑料收纳盒',
  quantity: '2000',
  unit: '035',
};
const invoices: VatInvoiceLine[] = [
  {
    invoiceNo: '12345678',
    lineNo: 1,
    hsCode: '9405210000',
    productName: 'LED台灯',
    quantity: '6000',
    unit: '007',
    amount: cny('300000.00'),
  },
  {
    invoiceNo: '87654321',
    lineNo: 1,
    hsCode: '9405210000',
    productName: 'LED台灯 DL-20',
    quantity: '6000',
    unit: '007',
    amount: cny('312000.00'),
  },
  {
    invoiceNo: '87654321',
    lineNo: 2,
    hsCode: '3926909090',
    productName: '塑料收纳盒',
    quantity: '1500',
    unit: '035',
    amount: cny('45000.00'),
  },
];

describe('rebate rate table', () => {
  it.each([
    ['9405210000', '2026-04-21', '13'],
    // The 2024 cut: 13% up to 2024-11-30, 9% from 2024-12-01.
    ['3926909090', '2024-11-30', '13'],
    ['3926909090', '2024-12-01', '9'],
    ['2710199100', '2026-01-01', '0'],
    ['9999999999', '2026-01-01', undefined],
  ])('%s exported %s: %s%%', (hs, date, rate) => {
    expect(rebateRate(DEFAULT_RATES, hs, date)).toBe(rate);
  });

  it('refuses a malformed row', () => {
    expect(() => parseRates([['94052100', '2026-01-01', null, '13']])).toThrow('is not [hsCode');
  });
});

describe('declaration to VAT invoice matching', () => {
  it('draws one line on two invoices, and leaves a line partly matched', () => {
    // Lamps: 6,000 from 12345678 (300,000.00) + 4,000 of 6,000 from 87654321 (312,000 x 4/6 = 208,000.00).
    const [l1, l2] = matchLines([lamps, boxes], invoices);
    expect(l1).toMatchObject({
      status: 'MATCHED',
      matchedQuantity: '10000',
      allocations: [
        { invoiceNo: '12345678', invoiceLineNo: 1, quantity: '6000', amount: cny('300000.00') },
        { invoiceNo: '87654321', invoiceLineNo: 1, quantity: '4000', amount: cny('208000.00') },
      ],
    });
    // Boxes: 1,500 of 2,000 kg invoiced.
    expect(l2).toMatchObject({ status: 'PARTIAL', matchedQuantity: '1500' });
  });

  it('carries what remains of an invoice to the next declaration (n:1)', () => {
    const remaining = new Map<string, Decimal>();
    invoices.forEach((v) => remaining.set(`${v.invoiceNo}#${v.lineNo}`, new Decimal(v.quantity)));
    matchLines([lamps], invoices, remaining);
    const [next] = matchLines(
      [{ ...lamps, declarationNo: '310120260000099999', quantity: '2500' }],
      invoices,
      remaining,
    );
    // 2,000 left on 87654321 line 1: 312,000 x 2/6 = 104,000.00.
    expect(next).toMatchObject({
      status: 'PARTIAL',
      matchedQuantity: '2000',
      allocations: [{ amount: cny('104000.00') }],
    });
  });

  it.each<[string, Partial<DeclarationGoodsLine>]>([
    ['another HS code', { hsCode: '8516310000' }],
    ['another statutory unit', { unit: '035' }],
    ['another product', { productName: '落地灯' }],
  ])('does not match %s', (_name, change) => {
    expect(matchLines([{ ...lamps, ...change }], invoices)[0]).toMatchObject({
      status: 'UNMATCHED',
      allocations: [],
    });
  });

  it('rounds an allocated share half-up to the fen', () => {
    const v = { ...invoices[0], quantity: '3', amount: cny('100.00') };
    expect(matchLines([{ ...lamps, quantity: '1' }], [v])[0].allocations[0].amount).toEqual(
      cny('33.33'),
    );
  });
});

describe('rebate calculation', () => {
  it('trading firm: amount excluding VAT x rate, per line', () => {
    // Lamps 508,000.00 x 13% = 66,040.00; boxes 45,000.00 x 9% = 4,050.00.
    expect(traderRebate(matchLines([lamps, boxes], invoices), DEFAULT_RATES)).toEqual([
      {
        declarationNo: D1,
        lineNo: 1,
        hsCode: '9405210000',
        ratePercent: '13',
        basis: cny('508000.00'),
        refund: cny('66040.00'),
      },
      {
        declarationNo: D1,
        lineNo: 2,
        hsCode: '3926909090',
        ratePercent: '9',
        basis: cny('45000.00'),
        refund: cny('4050.00'),
      },
    ]);
  });

  it.each([
    // Primer §8 example (17%/13%): 1.0M export, output VAT 600k x 17% = 102k, input 160k.
    [
      {
        exportFobCny: '1000000',
        vatRatePercent: '17',
        refundRatePercent: '13',
        bondedMaterialsCny: '0',
        domesticOutputVat: '102000',
        inputVat: '160000',
        priorCredit: '0',
      },
      ['40000.00', '-18000.00', '18000.00', '130000.00', '18000.00', '112000.00'],
    ],
    // 13%/9% with 100k bonded materials: (800k-100k) x 4% = 28k; 26k - (90k - 28k) - 5k = -41k;
    // ceiling 700k x 9% = 63k; refund 41k; 免抵 22k.
    [
      {
        exportFobCny: '800000',
        vatRatePercent: '13',
        refundRatePercent: '9',
        bondedMaterialsCny: '100000',
        domesticOutputVat: '26000',
        inputVat: '90000',
        priorCredit: '5000',
      },
      ['28000.00', '-41000.00', '41000.00', '63000.00', '41000.00', '22000.00'],
    ],
    // Tax still payable (130k - (50k - 4k) = 84k): nothing refunded, the whole ceiling is 免抵.
    [
      {
        exportFobCny: '100000',
        vatRatePercent: '13',
        refundRatePercent: '9',
        bondedMaterialsCny: '0',
        domesticOutputVat: '130000',
        inputVat: '50000',
        priorCredit: '0',
      },
      ['4000.00', '84000.00', '0.00', '9000.00', '0.00', '9000.00'],
    ],
  ])('manufacturer (免抵退) %#', (period, expected) => {
    const r = exemptCreditRefund(period);
    expect(
      [r.nonCreditable, r.taxPayable, r.periodEndCredit, r.ceiling, r.refund, r.exemptCredit].map(
        (m) => m.amount,
      ),
    ).toEqual(expected);
  });
});

describe('claim readiness', () => {
  const ready: DeclarationFacts = {
    declarationNo: D1,
    exportDate: '2026-04-21',
    released: true,
    closed: true,
    vatMatched: true,
    fxCollected: true,
    documentsFiled: true,
    readyOn: '2026-06-03',
  };

  it('is ready with every piece, due by April 30 of the next year', () => {
    expect(readiness(ready)).toEqual({
      declarationNo: D1,
      ready: true,
      missing: [],
      deadline: '2027-04-30',
    });
  });

  it.each([
    ['released', 'RELEASED'],
    ['closed', 'CLOSED'],
    ['vatMatched', 'VAT_INVOICE_MATCHED'],
    ['fxCollected', 'FX_COLLECTED'],
    ['documentsFiled', 'DOCUMENTS_FILED'],
  ] as const)('lists %s as missing', (field, piece) => {
    expect(readiness({ ...ready, [field]: false })).toMatchObject({
      ready: false,
      missing: [piece],
    });
  });

  it('groups ready declarations per filing period and skips the rest', () => {
    const facts = [
      ready,
      { ...ready, declarationNo: 'D2', readyOn: '2026-06-30' },
      { ...ready, declarationNo: 'D3', readyOn: '2026-07-01' },
      { ...ready, declarationNo: 'D4', fxCollected: false },
    ];
    expect([...claimsByPeriod(facts)]).toEqual([
      ['202606', [D1, 'D2']],
      ['202607', ['D3']],
    ]);
  });

  it('tracks the cycle from export to refund', () => {
    // April 21 -> June 30: 9 + 31 + 30 = 70 days.
    expect([cycleDays(ready), cycleDays({ ...ready, refundedOn: '2026-06-30' })]).toEqual([
      undefined,
      70,
    ]);
  });
});
