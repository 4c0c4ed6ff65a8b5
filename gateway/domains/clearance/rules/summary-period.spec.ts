import { previousMonth } from './summary-period';

describe('monthly summary period', () => {
  it('is the calendar month before, in China time', () => {
    expect(previousMonth(new Date('2026-03-01T02:00:00+08:00'))).toEqual({
      periodStart: '2026-02-01T00:00:00+08:00',
      periodEnd: '2026-03-01T00:00:00+08:00',
    });
  });

  it('counts the month in China time: 20:00 UTC on 31 March is already April there', () => {
    expect(previousMonth(new Date('2026-03-31T20:00:00Z')).periodStart).toBe(
      '2026-03-01T00:00:00+08:00',
    );
  });

  it('crosses the year in January', () => {
    expect(previousMonth(new Date('2027-01-01T00:30:00+08:00'))).toEqual({
      periodStart: '2026-12-01T00:00:00+08:00',
      periodEnd: '2027-01-01T00:00:00+08:00',
    });
  });
});
