import type { MappingContext } from '../../core/translation/contract';
import type { EdifactSegment } from '../codecs/edifact';
import { offsetAt, offsetOfWallTime } from '../time-zones/zone-offset';
import { mappingError } from './mapping-error';
import { ownEntry } from '../../core/collections';

/** One DTM read as ISO 8601 with a zone. */
export interface DtmValue {
  /** 2005 qualifier, e.g. '137' document date, '178' actual arrival. */
  qualifier: string;
  iso: string;
  /** Format 102/101: a calendar date, written as midnight in the zone. */
  dateOnly: boolean;
  segment: EdifactSegment;
}

// 2379 format -> [pattern of the digits, has century, has seconds]. 3xx add a zone (ZZZ).
const FORMATS: Record<string, { digits: number; century: boolean; time: boolean }> = {
  '101': { digits: 6, century: false, time: false },
  '102': { digits: 8, century: true, time: false },
  '201': { digits: 10, century: false, time: true },
  '202': { digits: 12, century: false, time: true },
  '203': { digits: 12, century: true, time: true },
  '204': { digits: 14, century: true, time: true },
};
const ZONED: Record<string, string> = { '301': '201', '302': '202', '303': '203', '304': '204' };
const BY_LENGTH: Record<number, string> = { 6: '101', 8: '102', 10: '201', 12: '203', 14: '204' };

/**
 * Reads DTM C507 (2005:2380:2379). The zone comes from a 3xx format (ZZZ = 'UTC', '+08',
 * '+0800', '-05:30'): it wins over any setting. Formats without one take `defaultZone`, a fixed
 * offset or an IANA zone (the partner's convention, or the zone of the event's place), whose
 * offset is the one in force on that date. A missing format is inferred from the length.
 * Years without century are 20YY.
 *
 * `lenient` (the warnings of a partner with lenient checks): a value longer than its format
 * that is a well-formed longer format of the same century rule (CCYYMMDDHHMM under 102) is
 * read as that format, with a warning; without it, the value is refused.
 */
export function readDtm(
  segment: EdifactSegment,
  defaultZone: string,
  lenient?: string[],
): DtmValue {
  const qualifier = segment.get(0, 0) ?? '';
  const value = segment.get(0, 1);
  if (value === undefined) throw mappingError(`DTM ${qualifier} has no date`, segment);
  const declared = segment.get(0, 2) ?? BY_LENGTH[value.length] ?? '';
  const format = (lenient && longerFormat(declared, value)) || declared;
  if (format !== declared)
    lenient!.push(
      `segment ${segment.index} DTM ${qualifier}: "${value}" is longer than format ${declared}: read as ${format}`,
    );
  const zonedFormat = ownEntry(ZONED, format);
  const base = zonedFormat ?? format;
  const spec = ownEntry(FORMATS, base);
  if (!spec)
    throw mappingError(`DTM ${qualifier}: date format ${format || '?'} is not supported`, segment);
  const digits = value.slice(0, spec.digits);
  const zoned = zonedFormat ? readZone(value.slice(spec.digits), segment) : undefined;
  if (
    !/^\d+$/.test(digits) ||
    digits.length !== spec.digits ||
    (!zonedFormat && value.length !== spec.digits)
  ) {
    throw mappingError(`DTM ${qualifier}: "${value}" does not match format ${format}`, segment);
  }
  const full = spec.century ? digits : `20${digits}`;
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map(
    (i) => full.slice(i, i + (i ? 2 : 4)) || '00',
  );
  if (!validDate(+y, +mo, +d, +h, +mi, +s)) {
    throw mappingError(`DTM ${qualifier}: "${value}" is not a valid date`, segment);
  }
  const zone = zoned ?? offsetOfWallTime(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s), defaultZone);
  return {
    qualifier,
    iso: `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`,
    dateOnly: !spec.time,
    segment,
  };
}

/** The format a digits-only value longer than `declared` has, if it keeps its century rule. */
function longerFormat(declared: string, value: string): string | undefined {
  const spec = ownEntry(FORMATS, declared);
  const longer = BY_LENGTH[value.length];
  const alt = longer === undefined ? undefined : ownEntry(FORMATS, longer);
  if (!spec || !alt || !/^\d+$/.test(value)) return undefined;
  return alt.digits > spec.digits && alt.century === spec.century ? longer : undefined;
}

function readZone(text: string, segment: EdifactSegment): string {
  const t = text.trim().toUpperCase();
  if (t === 'UTC' || t === 'GMT' || t === 'Z') return '+00:00';
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (m && +m[2] <= 14) return `${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}`;
  throw mappingError(`DTM time zone "${text}" is not understood`, segment);
}

function validDate(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    s < 60
  );
}

/** The warnings `readDtm` may add to: only a partner with lenient checks reads longer dates. */
export const lenientDates = (ctx: MappingContext, warnings: string[]): string[] | undefined =>
  ctx.checks === 'lenient' ? warnings : undefined;

/** Minutes east of UTC in `zone` (offset or IANA name) at the instant `iso`. */
export function offsetMinutes(zone: string, iso: string): number {
  return offsetAt(Date.parse(iso), zone);
}

/** An instant written as CCYYMMDDHHMM (format 203) in the partner's zone. */
export function toDtm203(iso: string, zone: string): string {
  const local = new Date(Date.parse(iso) + offsetMinutes(zone, iso) * 60_000).toISOString();
  return local.slice(0, 16).replace(/[-T:]/g, '');
}

/** A calendar date 'YYYY-MM-DD' written as CCYYMMDD (format 102). */
export const toDtm102 = (date: string): string => date.replace(/-/g, '');
