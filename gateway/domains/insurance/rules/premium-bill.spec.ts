import {
  billingPeriodDue,
  premiumPayments,
  reconcileBill,
  type BillToPay,
  type DebitLine,
} from './premium-bill';

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe("reconciling Sinosure's premium bill with the premiums computed on the declarations", () => {
  it('matches a bill that agrees line by line and in total', () => {
    // 21,000.00 x 0.35% = 73.50; 12,000.00 x 0.60% = 72.00; total 145.50.
    const r = reconcileBill(
      {
        lines: [
          { declarationRef: 'SD-1', invoiceNo: 'INV-1', premium: usd('73.50') },
          { declarationRef: 'SD-2', invoiceNo: 'INV-2', premium: usd('72.00') },
        ],
        total: usd('145.50'),
      },
      [
        { invoiceNo: 'INV-1', declarationRef: 'SD-1', premium: usd('73.50') },
        { invoiceNo: 'INV-2', declarationRef: 'SD-2', premium: usd('72.00') },
      ],
    );
    expect([r.flagged, r.computedTotal, r.difference]).toEqual([false, usd('145.50'), usd('0.00')]);
    expect(r.lines.map((l) => l.status)).toEqual(['MATCHED', 'MATCHED']);
  });

  it('flags a differing premium, a line billed for nothing declared and a declaration not billed', () => {
    const r = reconcileBill(
      {
        lines: [
          { declarationRef: 'SD-1', invoiceNo: 'INV-1', premium: usd('75.00') },
          { declarationRef: 'SD-9', invoiceNo: 'INV-9', premium: usd('10.00') },
        ],
        total: usd('85.00'),
      },
      [
        { invoiceNo: 'INV-1', declarationRef: 'SD-1', premium: usd('73.50') },
        // Matched by invoice number when the reference was not kept.
        { invoiceNo: 'INV-3', premium: usd('20.25') },
      ],
    );
    expect(r.lines.map((l) => [l.invoiceNo, l.status, l.difference.amount])).toEqual([
      ['INV-1', 'DIFFERENT', '1.50'], // 75.00 - 73.50
      ['INV-9', 'NOT_DECLARED', '10.00'],
      ['INV-3', 'NOT_BILLED', '-20.25'],
    ]);
    // Billed 85.00, computed 73.50 + 20.25 = 93.75: 8.75 under.
    expect([r.flagged, r.computedTotal, r.difference]).toEqual([true, usd('93.75'), usd('-8.75')]);
  });

  it('flags a bill whose total disagrees with its own lines', () => {
    const r = reconcileBill(
      {
        lines: [{ declarationRef: 'SD-1', invoiceNo: 'INV-1', premium: usd('73.50') }],
        total: usd('80.00'),
      },
      [{ invoiceNo: 'INV-1', declarationRef: 'SD-1', premium: usd('73.50') }],
    );
    expect([r.lines[0].status, r.flagged, r.difference.amount]).toEqual(['MATCHED', true, '6.50']);
  });
});

describe('the bill the scheduled run fetches', () => {
  it("is the previous month's from the issue day on, across the year end", () => {
    expect(billingPeriodDue('2026-06-04', 5)).toBeUndefined();
    expect(billingPeriodDue('2026-06-05', 5)).toBe('202605');
    expect(billingPeriodDue('2026-06-30', 5)).toBe('202605');
    expect(billingPeriodDue('2027-01-05', 5)).toBe('202612');
  });
});

describe('premium bills paid by the bank debits that name them', () => {
  const bill = (billNo: string, total: string): BillToPay => ({
    clientId: 'nbhs',
    policyNo: 'P1',
    period: '202605',
    billNo,
    total: usd(total),
    state: 'BILLED',
  });
  const line = (text: string, amount: string, more: Partial<DebitLine> = {}): DebitLine => ({
    creditDebit: 'DEBIT',
    valueDate: '2026-06-12',
    amount: usd(amount),
    texts: [text],
    ref: text,
    ...more,
  });

  it('pays a bill by the booked debit of its total that names it, each debit once', () => {
    const bills = [bill('PB-1', '73.50'), bill('PB-2', '73.50')];
    const paid = premiumPayments(
      [
        line('PREMIUM PB-10', '73.50'), // another bill number that starts alike
        line('PREMIUM PB-1 (part)', '70.00'), // not the total
        line('PREMIUM PB-1', '73.50', { creditDebit: 'CREDIT' }),
        line('PREMIUM PB-1', '73.50', { reversal: true }),
        line('PREMIUM PB-1', '73.50', { status: 'PENDING' }),
        line('sinosure premium pb-1', '73.50'),
      ],
      bills,
    );
    expect(paid.map((p) => [p.bill.billNo, p.line.ref])).toEqual([
      ['PB-1', 'sinosure premium pb-1'],
    ]);
  });
});
