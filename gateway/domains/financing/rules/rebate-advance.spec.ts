import { applyRefund, decideRebateAdvance, type RebateAdvancePolicy } from './rebate-advance';

const policy: RebateAdvancePolicy = {
  advanceRatePercent: '80',
  expectedTenorDays: 60,
  feeGrid: [
    { maxTenorDays: 90, risk: 'LOW', feePercent: '1' },
    { maxTenorDays: 180, risk: 'LOW', feePercent: '1.5' },
    { maxTenorDays: 90, risk: 'HIGH', feePercent: '3' },
  ],
};
const ready = {
  claimNo: 'RB-310420250518004217',
  ready: true,
  refunded: false,
  expectedRefund: { amount: '15600.00', currency: 'CNY' },
};
const codes = (o: { reasons: Array<{ code: string }> }) => o.reasons.map((r) => r.code);

describe('advance rebate payment decision', () => {
  it('advances 80% of the expected refund with the LOW-risk fee at the tenor, on the advance', () => {
    // 15,600.00 x 80% = 12,480.00; 60 days LOW -> 1%; 12,480.00 x 1% = 124.80.
    expect(decideRebateAdvance(ready, policy)).toEqual({
      eligible: true,
      reasons: [],
      amount: { amount: '12480.00', currency: 'CNY' },
      fee: { amount: '124.80', currency: 'CNY' },
      feePercent: '1',
    });
  });

  it('prices a longer tenor from the next band and rounds half-up to the fen', () => {
    // 1,234.57 x 80% = 987.656 -> 987.66; 120 days -> 1.5%: 987.66 x 1.5% = 14.8149 -> 14.81.
    const o = decideRebateAdvance(
      { ...ready, expectedRefund: { amount: '1234.57', currency: 'CNY' } },
      { ...policy, expectedTenorDays: 120 },
    );
    expect([o.amount?.amount, o.fee?.amount, o.feePercent]).toEqual(['987.66', '14.81', '1.5']);
  });

  it('refuses a claim that is not ready, refunded, already advanced, or expects nothing', () => {
    expect(codes(decideRebateAdvance({ ...ready, ready: false }, policy))).toEqual([
      'CLAIM_NOT_READY',
    ]);
    expect(codes(decideRebateAdvance({ ...ready, refunded: true }, policy))).toEqual([
      'CLAIM_REFUNDED',
    ]);
    const twice = decideRebateAdvance({ ...ready, advancedBy: 'RA-RB-1' }, policy);
    expect([twice.eligible, codes(twice), twice.amount]).toEqual([
      false,
      ['ALREADY_ADVANCED'],
      undefined,
    ]);
    expect(
      codes(
        decideRebateAdvance(
          { ...ready, expectedRefund: { amount: '0.00', currency: 'CNY' } },
          policy,
        ),
      ),
    ).toEqual(['NOTHING_TO_ADVANCE']);
  });

  it('refuses when the grid prices no LOW tenor that long', () => {
    expect(codes(decideRebateAdvance(ready, { ...policy, expectedTenorDays: 200 }))).toEqual([
      'TENOR_NOT_PRICED',
    ]);
  });
});

describe('the refund repays the advance', () => {
  const owed = { amount: '12480.00', currency: 'CNY' };

  it('repays in full and leaves the surplus to the client', () => {
    // 15,600.00 refunded against 12,480.00 owed: 3,120.00 left over.
    expect(applyRefund(owed, { amount: '15600.00', currency: 'CNY' })).toEqual({
      repaid: { amount: '12480.00', currency: 'CNY' },
      outstanding: { amount: '0.00', currency: 'CNY' },
      surplus: { amount: '3120.00', currency: 'CNY' },
    });
  });

  it('repays partly when the refund is short: the rest stays outstanding', () => {
    // 10,000.50 refunded against 12,480.00: 2,479.50 still owed.
    expect(applyRefund(owed, { amount: '10000.50', currency: 'CNY' })).toEqual({
      repaid: { amount: '10000.50', currency: 'CNY' },
      outstanding: { amount: '2479.50', currency: 'CNY' },
      surplus: { amount: '0.00', currency: 'CNY' },
    });
  });

  it('refuses a refund in another currency', () => {
    expect(() => applyRefund(owed, { amount: '1.00', currency: 'USD' })).toThrow(/USD/);
  });
});
