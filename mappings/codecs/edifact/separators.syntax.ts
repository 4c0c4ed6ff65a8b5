/**
 * Service characters of an interchange (ISO 9735 part 1, clause 7 and annex A). `release` and
 * `repetition` are null when the interchange has none (UNA position 4/5 given as space, or
 * syntax version below 4 for the repetition separator).
 */
export interface Separators {
  component: string;
  element: string;
  decimal: string;
  release: string | null;
  repetition: string | null;
  segment: string;
}

/** Defaults for levels A/B/C.. when no UNA is present (ISO 9735 v4 adds '*' as repetition). */
export const DEFAULT_SEPARATORS: Readonly<Separators> = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: null,
  segment: "'",
});

// Level B defaults per ISO 9735 annex A: the information separators IS1, IS3 and IS4.
export const INFORMATION_SEPARATORS: Readonly<Separators> = Object.freeze({
  component: '\x1f',
  element: '\x1d',
  decimal: '.',
  release: null,
  repetition: null,
  segment: '\x1c',
});

/** Length of the service string advice "UNA" + six service characters. */
export const UNA_LENGTH = 9;

/** Reads the six characters after "UNA"; space in the release/repetition position means none. */
export function separatorsFromUna(una: string): Separators {
  const at = (i: number): string => una.charAt(i);
  return {
    component: at(3),
    element: at(4),
    decimal: at(5),
    release: at(6) === ' ' ? null : at(6),
    repetition: at(7) === ' ' ? null : at(7),
    segment: at(8),
  };
}

/** The UNA string for the given separators (space for an absent release or repetition). */
export function formatUna(s: Separators): string {
  return `UNA${s.component}${s.element}${s.decimal}${s.release ?? ' '}${s.repetition ?? ' '}${s.segment}`;
}

/**
 * The repetition separator only exists from syntax version 4 on: with a UNA the advice decides
 * (space = none), without one version 4 defaults to '*'.
 */
export function withSyntaxVersion(s: Separators, version: string, hadUna: boolean): Separators {
  const v4 = Number(version) >= 4;
  if (!v4) return s.repetition === null ? s : { ...s, repetition: null };
  if (hadUna || s.repetition !== null) return s;
  return s.segment === DEFAULT_SEPARATORS.segment ? { ...s, repetition: '*' } : s;
}

/** True when the service characters are pairwise distinct (ISO 9735 forbids reuse). */
export function distinctSeparators(s: Separators): boolean {
  const used = [s.component, s.element, s.release, s.repetition, s.segment].filter(
    (c): c is string => c !== null,
  );
  return new Set(used).size === used.length && used.every((c) => c.length === 1);
}
