/**
 * Character classes of the well-formedness scan, tested on char codes so that no name is cut out
 * of the text just to be checked. XML names: ASCII strictly, any character from U+00C0 accepted
 * as XML 1.0 5th edition does (and U+00B7 after the first character).
 */

/** Whether `c` may start an XML name. */
export function isNameStart(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
  return c >= 0xc0;
}

/** Whether `c` may continue an XML name. */
export function isNameChar(c: number): boolean {
  if (c < 128) {
    return (
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 58) /* digits and ':' */ ||
      c === 95 ||
      c === 46 ||
      c === 45
    );
  }
  return c >= 0xc0 || c === 0xb7;
}

/** Whether text[from, to) is an XML name. */
export function isName(text: string, from: number, to: number): boolean {
  if (from >= to || !isNameStart(text.charCodeAt(from))) return false;
  for (let i = from + 1; i < to; i++) if (!isNameChar(text.charCodeAt(i))) return false;
  return true;
}

/** The XML white space that separates names in tags. */
export function isXmlSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** JavaScript's `\s`, which separates attributes as the parser's own attribute reader does. */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
