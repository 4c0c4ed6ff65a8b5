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
const ROOT_TAG =
  /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Reads the head of XML bytes: charset, root element and its namespace. Null if not XML. */
export function sniffXml(input: Buffer): XmlSniff | null {
  const { head, charset } = headText(input);
  const start = head.search(/\S/);
  if (start === -1 || head[start] !== '<') return null;
  const root = ROOT_TAG.exec(skipProlog(head, start));
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

function headText(input: Buffer): { head: string; charset: string } {
  if (input[0] === 0xff && input[1] === 0xfe) {
    return { head: input.subarray(2, HEAD_BYTES).toString('utf16le'), charset: 'utf-16le' };
  }
  if (input[0] === 0xfe && input[1] === 0xff) {
    const swapped = Buffer.from(input.subarray(2, HEAD_BYTES & ~1)).swap16();
    return { head: swapped.toString('utf16le'), charset: 'utf-16be' };
  }
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  const raw = input.subarray(bom, HEAD_BYTES);
  const declared = declaredEncoding(raw.subarray(0, 256).toString('latin1'));
  // Markup is ASCII in every charset TradeHub meets; latin1 keeps GBK bytes from breaking it.
  const utf8 = declared === undefined || declared === 'utf-8' || declared === 'utf8';
  return { head: raw.toString(utf8 ? 'utf8' : 'latin1'), charset: utf8 ? 'utf-8' : declared };
}

/** The head from its first element on: declaration, comments and instructions skipped. */
function skipProlog(head: string, from: number): string {
  let at = from;
  for (;;) {
    at = head.indexOf('<', at);
    if (at === -1) return '';
    if (head.startsWith('<?', at)) at = head.indexOf('?>', at) + 2;
    else if (head.startsWith('<!--', at)) at = head.indexOf('-->', at) + 3;
    else return head.slice(at);
    if (at < 2) return '';
  }
}
