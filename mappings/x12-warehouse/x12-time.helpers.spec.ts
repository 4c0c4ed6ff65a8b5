import { fromX12DateTime, isSupportedZone, toX12DateTime } from './x12-time.helpers';

describe('X12 date/time in the partner zone', () => {
  it.each([
    ['20250314', '0930', '+00:00', '2025-03-14T09:30:00+00:00'],
    ['20250314', '093015', '-05:00', '2025-03-14T09:30:15-05:00'],
    ['20250314', undefined, 'UTC', '2025-03-14T00:00:00+00:00'],
    // Los Angeles: PST before the 2025-03-09 change, PDT after.
    ['20250308', '1200', 'America/Los_Angeles', '2025-03-08T12:00:00-08:00'],
    ['20250310', '1200', 'America/Los_Angeles', '2025-03-10T12:00:00-07:00'],
    ['20251231', '235959', 'Asia/Shanghai', '2025-12-31T23:59:59+08:00'],
  ])('reads %s %s in %s as %s', (date, time, zone, iso) => {
    expect(fromX12DateTime(date, time, zone)).toBe(iso);
  });

  it.each([
    ['20250230', '0930'],
    ['2025031', '0930'],
    ['20250314', '2460'],
    ['20250314', '9:30'],
  ])('refuses %s %s', (date, time) => {
    expect(fromX12DateTime(date, time, '+00:00')).toBeNull();
  });

  it('writes an instant as local CCYYMMDD HHMM', () => {
    expect(toX12DateTime('2025-03-14T06:10:00Z', 'America/Los_Angeles')).toEqual({
      date: '20250313',
      time: '2310',
    });
    expect(toX12DateTime('2025-03-14T06:10:00+08:00', '+00:00')).toEqual({
      date: '20250313',
      time: '2210',
    });
    expect(() => toX12DateTime('yesterday', 'UTC')).toThrow(RangeError);
  });

  it('round-trips through the zone', () => {
    const { date, time } = toX12DateTime('2025-07-01T18:45:00Z', 'America/New_York');
    expect(fromX12DateTime(date, time, 'America/New_York')).toBe('2025-07-01T14:45:00-04:00');
  });

  it('accepts offsets, Z/UTC and IANA names only', () => {
    expect(['+00:00', '-05:00', 'Z', 'UTC', 'America/Chicago'].every(isSupportedZone)).toBe(true);
    expect(['PST8', 'Mars/Olympus', '+5'].some(isSupportedZone)).toBe(false);
  });
});
