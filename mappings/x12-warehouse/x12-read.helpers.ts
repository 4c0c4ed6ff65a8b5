import { TradeError, type InputLocation } from '../../core/errors/trade-error';
import { element, segmentAt, type X12Segment, type X12TransactionSet } from '../codecs/x12';
import { fromX12DateTime } from './x12-time.helpers';

/** Where a segment stands in its interchange, as the codec reports it (ISA = 1). */
export function segmentLocation(seg: X12Segment): InputLocation {
  return { segmentIndex: seg.ordinal, segmentTag: seg.tag, offset: seg.offset };
}

/** A mapping failure located at `seg` ("945 W12 at segment 9: ..."). */
export function mappingError(seg: X12Segment, message: string, code = 'X12_MAPPING'): TradeError {
  const where = seg.ordinal === undefined ? seg.tag : `${seg.tag} at segment ${seg.ordinal}`;
  return new TradeError('mapping', `X12 ${where}: ${message}`, {
    stage: 'map',
    location: segmentLocation(seg),
    code,
  });
}

/** Element `position` of `seg`, or a located mapping error naming what is missing. */
export function required(seg: X12Segment, position: number, what: string): string {
  const value = element(seg, position).trim();
  if (value === '') {
    const ref = `${seg.tag}${String(position).padStart(2, '0')}`;
    throw mappingError(seg, `${ref} (${what}) is required`, 'X12_MISSING_ELEMENT');
  }
  return value;
}

/** Optional element as a trimmed string, undefined when empty. */
export function optional(seg: X12Segment, position: number): string | undefined {
  const value = element(seg, position).trim();
  return value === '' ? undefined : value;
}

/**
 * A quantity element as a whole, non-negative count (canonical warehouse quantities are counts
 * in the line's unit); undefined when empty.
 */
export function countAt(seg: X12Segment, position: number, what: string): number | undefined {
  const raw = optional(seg, position);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^-?\d+(\.0*)?$/.test(raw) || value < 0) {
    const ref = `${seg.tag}${String(position).padStart(2, '0')}`;
    throw mappingError(seg, `${ref} (${what}) '${raw}' is not a whole non-negative quantity`);
  }
  return value;
}

export function requiredCount(seg: X12Segment, position: number, what: string): number {
  required(seg, position, what);
  return countAt(seg, position, what) as number;
}

/**
 * The product id that follows `qualifier` among the (qualifier, id) pairs starting at the
 * given positions, e.g. W12 07/08 or LIN 02/03, 04/05 ...
 */
export function productId(
  seg: X12Segment,
  pairPositions: readonly number[],
  qualifier: string,
): string | undefined {
  for (const at of pairPositions) {
    if (element(seg, at) === qualifier) return optional(seg, at + 1);
  }
  return undefined;
}

/** A date (and time) element pair as ISO 8601 in the partner zone, or a located error. */
export function dateTimeAt(
  seg: X12Segment,
  datePosition: number,
  timePosition: number | undefined,
  zone: string,
): string {
  const date = required(seg, datePosition, 'date');
  const time = timePosition === undefined ? undefined : optional(seg, timePosition);
  const iso = fromX12DateTime(date, time, zone);
  if (iso === null) {
    throw mappingError(seg, `'${date}${time ? ` ${time}` : ''}' is not a valid date/time`);
  }
  return iso;
}

/** The set's beginning segment (W06, W17, BIA, AK1 ...), or an error located at its ST. */
export function beginningSegment(set: X12TransactionSet, tag: string): X12Segment {
  const found = segmentAt(set.body, tag);
  if (!found) throw mappingError(set.st, `${set.id} has no ${tag} segment`, 'X12_MISSING_SEGMENT');
  return found;
}

/** Values in first-seen order without repeats. */
export function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Optional fields the message did not carry are left out, not written as undefined. */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
