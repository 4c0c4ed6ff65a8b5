// Zone arithmetic for formats whose dates carry no zone (X12, EDIFACT DTM 2xx, UNB).
// A zone is a fixed offset ('+00:00', '-05:00', 'Z', 'UTC') or an IANA name whose offset is
// looked up per instant, so daylight saving is right on both sides of a change.

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

export function fixedOffsetMinutes(zone: string): number | null {
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
export function offsetAt(utcMs: number, zone: string): number {
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

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The offset ('+08:00') in force in `zone` at a wall-clock time given as if it were UTC
 * (Date.UTC of the local fields). Two passes are exact except inside a DST gap.
 */
export function offsetOfWallTime(wallMs: number, zone: string): string {
  const first = offsetAt(wallMs, zone);
  return formatOffset(offsetAt(wallMs - first * 60000, zone));
}
