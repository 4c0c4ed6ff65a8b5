import { matchPayment, type IncomingPayment, type OpenReceivable } from './payment-matching';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const invoice = (invoiceNo: string, openAmount: string, more: Partial<OpenReceivable> = {}) => ({
  id: invoiceNo.toLowerCase(),
  invoiceNo,
  orderNos: [],
  buyerName: 'Lakeside Home Goods LLC',
  currency: 'USD',
  openAmount,
  ...more,
});
const payment = (amount: string, more: Partial<IncomingPayment> = {}): IncomingPayment => ({
  amount: usd(amount),
  invoiceNos: [],
  orderNos: [],
  texts: [],
  ...more,
});
const noRates = () => undefined;
const open = [
  invoice('HT25-INV-0088', '10000.00', { dueDate: '2025-04-01' }),
  invoice('HT25-INV-0089', '2500.00', { dueDate: '2025-04-15' }),
  invoice('HT25-INV-0090', '1250.50', {
    dueDate: '2025-05-01',
    buyerName: 'Hanseatic Import GmbH',
  }),
];

describe('matching a payment to open invoices', () => {
  it('settles the invoice it names exactly', () => {
    const result = matchPayment(
      payment('10000.00', { invoiceNos: ['HT25-INV-0088'] }),
      open,
      noRates,
    );
    expect(result).toEqual({
      matched: true,
      method: 'REFERENCE',
      allocations: [
        {
          receivableId: 'ht25-inv-0088',
          invoiceNo: 'HT25-INV-0088',
          amount: usd('10000.00'),
          settled: true,
        },
      ],
    });
  });

  it('finds the number in remittance text, bounded (INV-0089 is not INV-00891)', () => {
    const result = matchPayment(
      payment('2500.00', { texts: ['PAYMENT HT25-INV-0089 THANKS'] }),
      open,
      noRates,
    );
    expect(result).toMatchObject({ matched: true, allocations: [{ invoiceNo: 'HT25-INV-0089' }] });
    expect(
      matchPayment(payment('2500.00', { texts: ['HT25-INV-00891'] }), open, noRates),
    ).toMatchObject({
      matched: false,
    });
  });

  it('leaves a partial payment open', () => {
    const result = matchPayment(
      payment('4000.00', { invoiceNos: ['HT25-INV-0088'] }),
      open,
      noRates,
    );
    expect(result).toMatchObject({ allocations: [{ amount: usd('4000.00'), settled: false }] });
  });

  it('keeps an over-payment as unapplied', () => {
    const result = matchPayment(
      payment('2600.00', { invoiceNos: ['HT25-INV-0089'] }),
      open,
      noRates,
    );
    expect(result).toMatchObject({ allocations: [{ settled: true }], unapplied: usd('100.00') });
  });

  it('counts charges deducted on the way toward the invoice: 9975 + 25 settles 10000', () => {
    const result = matchPayment(
      payment('9975.00', { charges: usd('25.00'), invoiceNos: ['HT25-INV-0088'] }),
      open,
      noRates,
    );
    expect(result).toMatchObject({
      allocations: [{ amount: usd('10000.00'), chargesAbsorbed: usd('25.00'), settled: true }],
    });
  });

  it('pays several named invoices in due-date order, the last partly', () => {
    const result = matchPayment(
      payment('11000.00', { invoiceNos: ['HT25-INV-0089', 'HT25-INV-0088'] }),
      open,
      noRates,
    );
    expect(result).toMatchObject({
      allocations: [
        { invoiceNo: 'HT25-INV-0088', amount: usd('10000.00'), settled: true },
        { invoiceNo: 'HT25-INV-0089', amount: usd('1000.00'), settled: false },
      ],
    });
  });

  it('falls back to payer and exact amount, legal forms ignored', () => {
    const result = matchPayment(
      payment('2500.00', { payerName: 'LAKESIDE HOME GOODS, INC.' }),
      open,
      noRates,
    );
    expect(result).toMatchObject({
      method: 'PAYER_AMOUNT',
      allocations: [{ invoiceNo: 'HT25-INV-0089' }],
    });
  });

  it("finds the payer's invoices that add up when none is named: 12500 = 10000 + 2500", () => {
    const result = matchPayment(
      payment('12500.00', { payerName: 'Lakeside Home Goods' }),
      open,
      noRates,
    );
    expect(result).toMatchObject({
      method: 'PAYER_COMBINATION',
      allocations: [{ invoiceNo: 'HT25-INV-0088' }, { invoiceNo: 'HT25-INV-0089' }],
    });
  });

  it('converts a CNY credit with the rate: 71920 CNY at 0.139043 = 10000.00 USD', () => {
    const rate = (from: string, to: string) =>
      from === 'CNY' && to === 'USD' ? '0.1390434' : undefined;
    const result = matchPayment(
      {
        amount: { amount: '71920.00', currency: 'CNY' },
        invoiceNos: ['HT25-INV-0088'],
        orderNos: [],
        texts: [],
      },
      open,
      rate,
    );
    expect(result).toMatchObject({ allocations: [{ amount: usd('10000.00'), settled: true }] });
  });

  it('uses the instructed amount when it is in the invoice currency', () => {
    const result = matchPayment(
      {
        amount: { amount: '71920.00', currency: 'CNY' },
        instructedAmount: usd('10000.00'),
        invoiceNos: ['HT25-INV-0088'],
        orderNos: [],
        texts: [],
      },
      open,
      noRates,
    );
    expect(result).toMatchObject({ allocations: [{ amount: usd('10000.00'), settled: true }] });
  });

  it.each([
    [payment('777.00'), 'no reference to an open invoice and no payer name'],
    [payment('777.00', { payerName: 'Unknown Buyer' }), "no open invoice of payer 'Unknown Buyer'"],
    [
      payment('777.00', { payerName: 'Lakeside Home Goods' }),
      /no open invoice of 'Lakeside Home Goods' or combination/,
    ],
  ])('leaves it unmatched with the reason (%#)', (p, reason) => {
    const result = matchPayment(p, open, noRates);
    expect(result.matched).toBe(false);
    expect(result.matched === false && result.reason).toMatch(reason);
  });
});
