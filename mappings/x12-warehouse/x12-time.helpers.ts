// X12 dates (CCYYMMDD) and times (HHMM[SS[d..]]) carry no zone; the partner settings name one.
// A zone is a fixed offset ('+00:00', '-05:00', 'Z', 'UTC') or an IANA name whose offset is
// looked up per instant, so daylight saving is right on both sides of a change.

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

function fixedOffsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'UTC') return 0;
  const m = OFFSET.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function isSupportedZone(zone: string): boolean {
  if (fixedOffsetMinutes(zone) !== null) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC, in minutes, at the instant `utcMs`. */
function offsetAt(utcMs: number, zone: string): number {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null) return fixed;
  const parts = formatter(zone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

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
  // Two passes find the offset in force at that wall-clock time (exact except in a DST gap).
  const first = offsetAt(wall, zone);
  const offset = offsetAt(wall - first * 60000, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d[1]}-${d[2]}-${d[3]}T${pad(h)}:${pad(mi)}:${pad(s)}${formatOffset(offset)}`;
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
