// X12 dates (CCYYMMDD) and times (HHMM[SS[d..]]) carry no zone; the partner settings name one
// (see ../time-zones/zone-offset.ts).
import { offsetAt, offsetOfWallTime } from '../time-zones/zone-offset';

export { isSupportedZone } from '../time-zones/zone-offset';

/**
 * An X12 date and optional time, read in the partner's zone, as ISO 8601 with offset
 * ('2025-03-14T09:30:00-07:00'); a date alone means the start of that day. Null when the
 * values are not a real calendar date and clock time.
 */
export function fromX12DateTime(
  date: string,
  time: string | undefined,
  zone: string,
): string | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  const t = /^(\d{2})(\d{2})(\d{2})?\d*$/.exec(time || '0000');
  if (!d || !t) return null;
  const [y, mo, da, h, mi, s] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '00'].map(Number);
  const wall = Date.UTC(y, mo - 1, da, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCDate() !== da || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59)
    return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d[1]}-${d[2]}-${d[3]}T${pad(h)}:${pad(mi)}:${pad(s)}${offsetOfWallTime(wall, zone)}`;
}

/** An ISO 8601 instant as the partner's local CCYYMMDD and HHMM. */
export function toX12DateTime(iso: string, zone: string): { date: string; time: string } {
  const utcMs = Date.parse(iso);
  if (Number.isNaN(utcMs)) throw new RangeError(`not an ISO 8601 date-time: ${iso}`);
  const local = new Date(utcMs + offsetAt(utcMs, zone) * 60000).toISOString();
  return {
    date: local.slice(0, 10).replace(/-/g, ''),
    time: local.slice(11, 16).replace(':', ''),
  };
}
