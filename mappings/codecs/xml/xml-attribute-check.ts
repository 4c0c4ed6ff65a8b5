import { isJsSpace, isName } from './xml-names';

/** What the attribute section of a start tag holds: how many attributes, or what is wrong. */
export interface AttributeCheck {
  count: number;
  message?: string;
}

// Above this many attributes repeats are found through a Set rather than by pairs.
const PAIRWISE_LIMIT = 8;

/**
 * Checks the attribute section of a start tag, text[from, to) from the end of the element name
 * to the `>`, in one pass over the characters: `name="value"` pairs each after white space, no
 * `<` in values, then optional white space and `/`; then no name repeated and every name an XML
 * name. Names are compared where they stand, and only cut out of the text for an error message.
 */
export function checkAttributes(text: string, from: number, to: number): AttributeCheck {
  const bounds: number[] = [];
  if (!readSection(text, from, to, bounds)) {
    return { count: 0, message: 'malformed attributes (each needs name="value")' };
  }
  const count = bounds.length / 2;
  const seen = count > PAIRWISE_LIMIT ? new Set<string>() : undefined;
  for (let a = 0; a < bounds.length; a += 2) {
    const start = bounds[a];
    const end = bounds[a + 1];
    const repeated = seen ? !addNew(seen, text.slice(start, end)) : seenBefore(text, bounds, a);
    if (repeated) return { count, message: `attribute "${text.slice(start, end)}" is repeated` };
    if (!isName(text, start, end)) {
      return { count, message: `invalid attribute name "${text.slice(start, end)}"` };
    }
  }
  return { count };
}

/** Reads the section's syntax, pushing the start and end of every attribute name to `bounds`. */
function readSection(text: string, from: number, to: number, bounds: number[]): boolean {
  let i = from;
  for (;;) {
    const gap = i;
    while (i < to && isJsSpace(text.charCodeAt(i))) i++;
    if (i === to || (i === to - 1 && text.charCodeAt(i) === 47) /* / */) return true;
    if (i === gap) return false; // an attribute must follow white space
    const nameStart = i;
    while (i < to && isAttributeNameChar(text.charCodeAt(i))) i++;
    if (i === nameStart) return false;
    bounds.push(nameStart, i);
    while (i < to && isJsSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61 /* = */) return false;
    i++;
    while (i < to && isJsSpace(text.charCodeAt(i))) i++;
    const close = i < to ? valueEnd(text, i, to) : -1;
    if (close === -1) return false;
    i = close + 1;
  }
}

/** Offset of the closing quote of the value opening at `at`, -1 if unquoted, open or holding `<`. */
function valueEnd(text: string, at: number, to: number): number {
  const quote = text.charCodeAt(at);
  if (quote !== 34 && quote !== 39) return -1;
  for (let j = at + 1; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === quote) return j;
    if (c === 60 /* < */) return -1;
  }
  return -1;
}

/** Not white space, `=`, `/`, `>`, a quote or `<`. */
function isAttributeNameChar(c: number): boolean {
  return c !== 61 && c !== 47 && c !== 62 && c !== 34 && c !== 39 && c !== 60 && !isJsSpace(c);
}

/** Whether the name at bounds[a] equals one of the names before it. */
function seenBefore(text: string, bounds: readonly number[], a: number): boolean {
  const start = bounds[a];
  const length = bounds[a + 1] - start;
  for (let b = 0; b < a; b += 2) {
    if (bounds[b + 1] - bounds[b] !== length) continue;
    let same = true;
    for (let k = 0; same && k < length; k++) {
      same = text.charCodeAt(bounds[b] + k) === text.charCodeAt(start + k);
    }
    if (same) return true;
  }
  return false;
}

function addNew(seen: Set<string>, name: string): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  return true;
}
