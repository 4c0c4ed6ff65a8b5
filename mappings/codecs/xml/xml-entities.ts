const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else is an error. */
export function decodeEntities(value: string, fail: (message: string) => never): string {
  let at = value.indexOf('&');
  if (at === -1) return value;
  let out = '';
  let from = 0;
  while (at !== -1) {
    const end = value.indexOf(';', at);
    if (end === -1 || end - at > 12) fail('"&" not followed by an entity or character reference');
    out += value.slice(from, at) + resolve(value.slice(at + 1, end), fail);
    from = end + 1;
    at = value.indexOf('&', from);
  }
  return out + value.slice(from);
}

function resolve(ref: string, fail: (message: string) => never): string {
  if (ref.charCodeAt(0) !== 35 /* # */) {
    const predefined = PREDEFINED[ref];
    // Only the predefined entities exist: a document has no DTD that could declare others.
    if (predefined === undefined || !Object.prototype.hasOwnProperty.call(PREDEFINED, ref)) {
      fail(`undeclared entity &${ref};`);
    }
    return predefined;
  }
  const hex = ref[1] === 'x';
  const digits = ref.slice(hex ? 2 : 1);
  const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
  const code = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
  if (!isXmlChar(code)) fail(`character reference &${ref}; is not an XML character`);
  return String.fromCodePoint(code);
}

/** XML 1.0 Char production. */
function isXmlChar(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code >= 0x20 && code <= 0xd7ff) return true;
  if (code >= 0xe000 && code <= 0xfffd) return true;
  return code >= 0x10000 && code <= 0x10ffff;
}
