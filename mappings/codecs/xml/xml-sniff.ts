import { declaredEncoding } from './xml-charset';

/** What the first bytes of an XML input say, read without parsing the document. */
export interface XmlSniff {
  /** Head of the input as text (first few KB), for further sniffing by family detectors. */
  head: string;
  /** Qualified name of the root element. */
  rootName: string;
  /** Local name of the root element. */
  rootLocal: string;
  /** Namespace URI of the root element, '' when none. */
  rootNs: string;
  /** Attributes of the root start tag (namespace declarations included). */
  rootAttrs: Record<string, string>;
  charset: string;
}

const HEAD_BYTES = 8192;
/** How far a prolog (comments, instructions) may run before the root element is given up on. */
const MAX_PROLOG = 1 << 20;
const ROOT_TAG =
  /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

// Every XML family detector sniffs the same input (CEB, ISO 20022, plain XML): once per buffer.
const sniffed = new WeakMap<Buffer, XmlSniff | null>();

/** Reads the head of XML bytes: charset, root element and its namespace. Null if not XML. */
export function sniffXml(input: Buffer): XmlSniff | null {
  if (!mayBeMarkup(input)) return null;
  if (sniffed.has(input)) return sniffed.get(input)!;
  const sniff = sniffHead(input, HEAD_BYTES);
  sniffed.set(input, sniff);
  return sniff;
}

/**
 * False when the first significant byte already rules XML out (JSON, EDIFACT, X12, MT), without
 * decoding the head: ASCII whitespace is skipped as the text search below would skip it, and
 * a UTF-16 BOM or a byte over 0x7F is left to the full reading.
 */
function mayBeMarkup(input: Buffer): boolean {
  let at = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (at < input.length && (input[at] === 0x20 || (input[at] >= 0x09 && input[at] <= 0x0d)))
    at++;
  return at < input.length && (input[at] === 0x3c || input[at] >= 0x80);
}

function sniffHead(input: Buffer, headBytes: number): XmlSniff | null {
  const { head, charset } = headText(input, headBytes);
  const start = head.search(/\S/);
  if (start === -1 || head[start] !== '<') return null;
  const body = skipProlog(head, start);
  // A prolog comment longer than the head: look further, once, rather than guess.
  if (body === undefined) {
    const further = headBytes < MAX_PROLOG && input.length > headBytes;
    return further ? sniffHead(input, MAX_PROLOG) : null;
  }
  const root = ROOT_TAG.exec(body);
  if (!root) return null;
  const rootAttrs: Record<string, string> = {};
  for (const match of root[2].matchAll(ATTRIBUTE)) rootAttrs[match[1]] = match[2] ?? match[3];
  const colon = root[1].indexOf(':');
  const prefix = colon === -1 ? '' : root[1].slice(0, colon);
  return {
    head,
    rootName: root[1],
    rootLocal: root[1].slice(colon + 1),
    rootNs: rootAttrs[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '',
    rootAttrs,
    charset,
  };
}

function headText(input: Buffer, headBytes: number): { head: string; charset: string } {
  if (input[0] === 0xff && input[1] === 0xfe) {
    return { head: input.subarray(2, headBytes).toString('utf16le'), charset: 'utf-16le' };
  }
  if (input[0] === 0xfe && input[1] === 0xff) {
    // swap16 throws on an odd length: a truncated last code unit is dropped.
    const end = 2 + ((Math.min(input.length, headBytes) - 2) & ~1);
    const swapped = Buffer.from(input.subarray(2, end)).swap16();
    return { head: swapped.toString('utf16le'), charset: 'utf-16be' };
  }
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  const raw = input.subarray(bom, headBytes);
  const declared = declaredEncoding(raw.subarray(0, 256).toString('latin1'));
  // Markup is ASCII in every charset TradeHub meets; latin1 keeps GBK bytes from breaking it.
  const utf8 = declared === undefined || declared === 'utf-8' || declared === 'utf8';
  return { head: raw.toString(utf8 ? 'utf8' : 'latin1'), charset: utf8 ? 'utf-8' : declared };
}

/**
 * The head from its first element on: declaration, comments and instructions skipped;
 * undefined when one of them is not closed within the head.
 */
function skipProlog(head: string, from: number): string | undefined {
  let at = from;
  for (;;) {
    at = head.indexOf('<', at);
    if (at === -1) return '';
    const close = head.startsWith('<?', at) ? '?>' : head.startsWith('<!--', at) ? '-->' : '';
    if (close === '') return head.slice(at);
    const end = head.indexOf(close, at + 2);
    if (end === -1) return undefined;
    at = end + close.length;
  }
}
