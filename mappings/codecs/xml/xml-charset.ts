import * as iconv from 'iconv-lite';
import { TradeError } from '../../../core/errors/trade-error';

/** Text of an XML input and the character set it was read with. */
export interface XmlText {
  text: string;
  charset: string;
}

const UTF8_NAMES = new Set(['utf-8', 'utf8']);
// Read as latin1 only far enough to see the encoding pseudo-attribute of the declaration.
const ENCODING_DECL = /^<\?xml\s[^?>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/** Declared encoding of the XML declaration, lower-cased, or undefined when none is declared. */
export function declaredEncoding(head: string): string | undefined {
  const match = ENCODING_DECL.exec(head);
  return match ? match[1].toLowerCase() : undefined;
}

function rejected(message: string, line = 1, column = 1): TradeError {
  return new TradeError('rejected', message, { stage: 'parse', location: { line, column } });
}

/** Where the first byte sequence that is not UTF-8 sits, as a line and column. */
function locateBadUtf8(input: Buffer): { line: number; column: number } {
  const text = input.toString('utf8');
  const at = Math.max(0, text.indexOf('\uFFFD'));
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

function decodeUtf8(input: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    const where = locateBadUtf8(input);
    throw rejected(
      'input is not valid UTF-8 and declares no other encoding',
      where.line,
      where.column,
    );
  }
}

/**
 * Turns XML bytes into text: a UTF-8 BOM is dropped, UTF-16 is recognised by its BOM, and an
 * encoding declared in the prolog (GBK, GB18030, ISO-8859-1 ...) is honoured through iconv-lite,
 * since Chinese systems still send GBK.
 */
export function decodeXmlBytes(input: Buffer): XmlText {
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    return { text: decodeUtf8(input.subarray(3)), charset: 'utf-8' };
  }
  if (input[0] === 0xff && input[1] === 0xfe) {
    return { text: iconv.decode(input.subarray(2), 'utf-16le'), charset: 'utf-16le' };
  }
  if (input[0] === 0xfe && input[1] === 0xff) {
    return { text: iconv.decode(input.subarray(2), 'utf-16be'), charset: 'utf-16be' };
  }
  const declared = declaredEncoding(input.subarray(0, 256).toString('latin1'));
  if (declared === undefined || UTF8_NAMES.has(declared)) {
    return { text: decodeUtf8(input), charset: 'utf-8' };
  }
  if (!encodingKnown(declared)) {
    throw rejected(`unsupported encoding "${declared}" declared in the XML prolog`);
  }
  return { text: iconv.decode(input, declared), charset: declared };
}

/** Whether iconv-lite can read or write this encoding (a plain boolean, not a type guard). */
export function encodingKnown(name: string): boolean {
  return iconv.encodingExists(name);
}
