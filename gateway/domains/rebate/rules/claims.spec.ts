import { claimNoOf, expectedRefund } from './claims';

const line = (lineNo: number, refund: string) => ({
  declarationNo: '310420250518004217',
  lineNo,
  hsCode: '8516719000',
  ratePercent: '13',
  basis: { amount: '0.00', currency: 'CNY' },
  refund: { amount: refund, currency: 'CNY' },
});

describe('rebate claims', () => {
  it('numbers the claim after its declaration', () => {
    expect(claimNoOf('310420250518004217')).toBe('RB-310420250518004217');
  });

  it('expects the sum of the line refunds', () => {
    // 10,400.00 + 5,200.00 + 0.13 = 15,600.13.
    expect(expectedRefund([line(1, '10400.00'), line(2, '5200.00'), line(3, '0.13')])).toEqual({
      amount: '15600.13',
      currency: 'CNY',
    });
    expect(expectedRefund([])).toEqual({ amount: '0.00', currency: 'CNY' });
  });
});
