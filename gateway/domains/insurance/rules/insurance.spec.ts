import {
  available,
  possibleLoss,
  releaseLimit,
  useLimit,
  type LimitBalance,
} from './credit-limits';
import { indemnity, premium, rateFor, type PremiumRate } from './premium';
import { CN_CALENDAR, declarationDeadline, isWorkingDay, provisionalBetween } from './working-days';

const usd = (amount: string) => ({ amount, currency: 'USD' as const });

describe('Sinosure shipment declaration deadline (5 working days after on board)', () => {
  it.each([
    // Wed on board: Thu, Fri, (weekend), Mon, Tue, Wed.
    ['across a weekend', '2026-03-04', 5, '2026-03-11'],
    // Thu 02-12: Fri 13, Sat 14 (调休 workday), Spring Festival 15-23 off, Tue 24, Wed 25, Thu 26.
    ['across the 2026 Spring Festival', '2026-02-12', 5, '2026-02-26'],
    // Tue 09-29: Wed 30, National Day 10-01..07 off, Thu 8, Fri 9, Sat 10 (调休), Mon 12.
    ['across National Day 2026', '2026-09-29', 5, '2026-10-12'],
    // Fri 09-18: Sun 20 is a workday (调休), Mon 21 .. Thu 24.
    ['counting an adjusted Sunday', '2026-09-18', 5, '2026-09-24'],
    // Fri 2025-01-24: Sun 26 (调休), Mon 27, Spring Festival 01-28..02-04, Wed 5, Thu 6, Fri 7.
    ['across the 2025 Spring Festival', '2025-01-24', 5, '2025-02-07'],
    // Configured to 3 working days: Thu 04-30, Labour Day 05-01..05 off, Wed 6, Thu 7.
    ['with 3 days configured over Labour Day', '2026-04-29', 3, '2026-05-07'],
    // Mon 2026-12-28: Tue 29, Wed 30, Thu 31, New Year 2027-01-01 (Fri) + weekend, Mon 4, Tue 5.
    ['across New Year 2027', '2026-12-28', 5, '2027-01-05'],
    // Wed 2027-02-03 (provisional 2027): Thu 4, Spring Festival 02-05..10 (除夕 Fri 5 - Mon 8,
    // Sat 6 and Sun 7 made up Tue 9 and Wed 10), Thu 11, Fri 12, (weekend), Mon 15, Tue 16.
    ['across the 2027 Spring Festival', '2027-02-03', 5, '2027-02-16'],
  ])('%s: on board %s + %i working days = %s', (_name, onBoard, days, deadline) => {
    expect(declarationDeadline(onBoard, days)).toBe(deadline);
  });

  it('knows holidays, adjusted workdays and refuses years it has no data for', () => {
    expect(
      ['2026-10-01', '2026-10-10', '2026-10-11', '2026-10-12'].map((d) =>
        isWorkingDay(CN_CALENDAR, d),
      ),
    ).toEqual([false, true, false, true]);
    expect(CN_CALENDAR.provisional).toEqual([2027]);
    expect(provisionalBetween(CN_CALENDAR, '2026-12-28', '2027-01-05')).toBe(true);
    expect(provisionalBetween(CN_CALENDAR, '2026-12-01', '2026-12-08')).toBe(false);
    // 2027-12-27 (Mon) + 5 runs into 2028: the error names the last date the data covers.
    expect(() => declarationDeadline('2027-12-27')).toThrow(
      'the working-day calendar covers 2025-01-01 to 2027-12-31: it has no holidays for 2028-01-01',
    );
  });
});

describe('premium and indemnity', () => {
  const rates: PremiumRate[] = [
    { buyerCountry: '*', paymentTerm: 'OA', maxCreditDays: 90, ratePercent: '0.45' },
    { buyerCountry: '*', paymentTerm: 'OA', maxCreditDays: 180, ratePercent: '0.70' },
    { buyerCountry: 'DE', paymentTerm: 'OA', maxCreditDays: 90, ratePercent: '0.30' },
    { buyerCountry: 'DE', paymentTerm: 'DP', maxCreditDays: 60, ratePercent: '0.20' },
  ];

  it.each([
    ['DE', 'OA', 60, '0.30'],
    ['DE', 'OA', 120, '0.70'],
    ['BR', 'OA', 90, '0.45'],
    ['DE', 'DP', 30, '0.20'],
    ['BR', 'DA', 30, undefined],
    ['BR', 'OA', 181, undefined],
  ])('%s %s %i days: %s%%', (country, term, days, rate) => {
    expect(rateFor(rates, country, term, days)).toBe(rate);
  });

  it('bills rate x invoice amount, rounded to the cent', () => {
    // 123,456.78 x 0.45% = 555.55551 -> 555.56.
    expect(premium(usd('123456.78'), '0.45')).toEqual(usd('555.56'));
  });

  it('indemnifies the ratio of the loss up to the limit', () => {
    // min(80,000, 100,000) x 90% = 72,000.00; min(150,000, 100,000) x 90% = 90,000.00.
    expect([
      indemnity(usd('80000.00'), usd('100000.00'), '90'),
      indemnity(usd('150000.00'), usd('100000.00'), '90'),
    ]).toEqual([usd('72000.00'), usd('90000.00')]);
  });
});

describe('buyer credit limits', () => {
  const limit: LimitBalance = {
    status: 'APPROVED',
    approved: usd('200000.00'),
    used: usd('150000.00'),
  };

  it('uses the limit up to what is free and releases it on payment', () => {
    const { balance, uncovered } = useLimit(limit, usd('70000.00'));
    expect([balance.used, uncovered, available(balance)]).toEqual([
      usd('200000.00'),
      usd('20000.00'),
      usd('0.00'),
    ]);
    expect(available(releaseLimit(balance, usd('120000.00')))).toEqual(usd('120000.00'));
  });

  it('has nothing free before approval', () => {
    expect(available({ ...limit, status: 'APPLIED', used: usd('0') })).toEqual(usd('0.00'));
  });
});

describe('possible loss', () => {
  it.each([
    ['2026-06-30', 30, false, false],
    ['2026-07-01', 31, true, false],
    ['2026-07-31', 61, true, true],
    ['2026-05-15', 0, false, false],
  ])('due 2026-05-31, today %s: %i days overdue', (today, overdueDays, report, late) => {
    expect(possibleLoss('2026-05-31', today)).toEqual({ overdueDays, report, late });
  });
});
