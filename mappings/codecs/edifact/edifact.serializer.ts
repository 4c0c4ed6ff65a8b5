import { TradeError } from '../../../core/errors/trade-error';
import type { Separators } from './separators.syntax';

/** An element as written: a simple value, or a composite as an array of components. */
export type ElementValue = string | undefined | readonly (string | undefined)[];

/** A segment to write: tag plus elements; `repeats` as in EdifactSegment (syntax version 4). */
export interface SegmentDraft {
  tag: string;
  elements: readonly ElementValue[];
  repeats?: Record<number, readonly (readonly string[])[]>;
}

const patterns = new Map<string, RegExp>();

/** Prefixes every service character in the value with the release character. */
export function escapeValue(value: string, s: Separators): string {
  const specials = [s.release, s.component, s.element, s.repetition, s.segment].filter(
    (c): c is string => c !== null,
  );
  const key = specials.join('');
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(`[${specials.map((c) => `\\u${hex(c)}`).join('')}]`, 'g');
    patterns.set(key, re);
  }
  re.lastIndex = 0;
  if (!re.test(value)) return value;
  if (s.release === null) {
    throw new TradeError(
      'mapping',
      `"${value}" holds a service character and there is no release character`,
      {
        stage: 'map',
      },
    );
  }
  const release = s.release;
  return value.replace(re, (c) => release + c);
}

const hex = (c: string): string => c.charCodeAt(0).toString(16).padStart(4, '0');

/**
 * Writes one segment including its terminator. With `trim`, trailing empty components and
 * elements are left out as ISO 9735 asks of senders; without it the segment is written exactly
 * as given (needed to reproduce a parsed segment byte for byte).
 */
export function serializeSegment(seg: SegmentDraft, s: Separators, trim = false): string {
  const elements = seg.elements.map((e, i) => {
    const occurrences = seg.repeats?.[i] ?? [
      typeof e === 'string' || e === undefined ? [e ?? ''] : e,
    ];
    return occurrences
      .map((components) =>
        joinTrimmed(
          components.map((c) => escapeValue(c ?? '', s)),
          s.component,
          trim,
        ),
      )
      .join(s.repetition ?? '');
  });
  const body = joinTrimmed(elements, s.element, trim);
  return body === '' && trim
    ? `${seg.tag}${s.segment}`
    : `${seg.tag}${elements.length ? s.element + body : ''}${s.segment}`;
}

function joinTrimmed(parts: string[], separator: string, trim: boolean): string {
  let end = parts.length;
  if (trim) while (end > 0 && parts[end - 1] === '') end--;
  return (end === parts.length ? parts : parts.slice(0, end)).join(separator);
}
