import iconv from 'iconv-lite';
import { ownEntry } from '../../../core/collections';

/**
 * Syntax identifier (UNB S001 0001) -> byte encoding (ISO 9735 part 1, annex B, and the 0001
 * code list). Levels A and B are ISO 646 subsets; we decode them as ISO 8859-1 so stray 8-bit bytes
 * (common in real files) survive instead of failing the whole interchange.
 */
const ENCODINGS: Readonly<Record<string, string>> = {
  UNOA: 'iso-8859-1',
  UNOB: 'iso-8859-1',
  UNOC: 'iso-8859-1',
  UNOD: 'iso-8859-2',
  UNOE: 'iso-8859-5',
  UNOF: 'iso-8859-7',
  UNOG: 'iso-8859-3',
  UNOH: 'iso-8859-4',
  UNOI: 'iso-8859-6',
  UNOJ: 'iso-8859-8',
  UNOK: 'iso-8859-9',
  UNOL: 'iso-8859-15',
  UNOW: 'utf-8',
  // UNOY is ISO 10646-1; in practice (and per the 0001 note for v4) transmitted as UTF-8.
  UNOY: 'utf-8',
  KECA: 'euc-kr',
};

/** Encoding used when the syntax identifier is unknown (IATA's IATB, typos): see decodeUnknown. */
export const UNKNOWN_CHARSET = 'utf-8';

/** The encoding for a syntax identifier, or undefined when we do not know it. */
export function encodingFor(syntaxId: string): string | undefined {
  return ownEntry(ENCODINGS, syntaxId.toUpperCase());
}

/** The syntax identifiers this codec decodes and encodes. */
export const SUPPORTED_SYNTAX_IDS: readonly string[] = Object.keys(ENCODINGS);

/**
 * Decodes bytes for a syntax identifier. Unknown identifiers are read as UTF-8 when the bytes are
 * valid UTF-8 and as Latin-1 otherwise, so that nothing is silently replaced by U+FFFD.
 */
export function decodeBytes(bytes: Buffer, syntaxId: string): { text: string; charset: string } {
  const known = encodingFor(syntaxId);
  if (known) return { text: decodeWith(bytes, known), charset: known };
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD')) return { text: utf8, charset: 'utf-8' };
  return { text: bytes.toString('latin1'), charset: 'iso-8859-1' };
}

/** Fast paths for the encodings Node handles natively; iconv-lite for the rest. */
export function decodeWith(bytes: Buffer, encoding: string): string {
  if (encoding === 'latin1' || encoding === 'iso-8859-1') return bytes.toString('latin1');
  if (encoding === 'utf-8') return bytes.toString('utf8');
  return iconv.decode(bytes, encoding);
}

/** Encodes text for a syntax identifier (unknown identifiers as UTF-8). */
export function encodeText(text: string, syntaxId: string): Buffer {
  const encoding = encodingFor(syntaxId) ?? UNKNOWN_CHARSET;
  if (encoding === 'latin1' || encoding === 'iso-8859-1') return Buffer.from(text, 'latin1');
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  return iconv.encode(text, encoding);
}

/**
 * Character repertoires of the syntax levels A and B (ISO 9735-1, annex A): upper-case letters
 * (level B adds lower case), digits, space and . , - ( ) / = ' + : ? ! " % & * ; < >, plus the
 * information separators IS1-IS4 that level B uses as service characters. Both are written as
 * ISO 8859-1 bytes, which would carry far more: the level, not the encoding, decides.
 */
const LEVEL_A = /^[A-Z0-9 .,\-()/='+:?!"%&*;<>\r\n]*$/;
// IS4..IS1 (U+001C..U+001F) built from a string: a control range in a regex literal lints.
const LEVEL_B = new RegExp(`^[A-Za-z0-9 .,\\-()/='+:?!"%&*;<>\\r\\n${'\u001c-\u001f'}]*$`);

function repertoire(syntaxId: string): RegExp | undefined {
  const id = syntaxId.toUpperCase();
  return id === 'UNOA' ? LEVEL_A : id === 'UNOB' ? LEVEL_B : undefined;
}

/** True when every character of the text exists in the syntax identifier's character set. */
export function encodable(text: string, syntaxId: string): boolean {
  const level = repertoire(syntaxId);
  return level ? level.test(text) : representable(text, syntaxId);
}

/** True when the syntax identifier's byte encoding can represent the text (no repertoire). */
export function representable(text: string, syntaxId: string): boolean {
  const encoding = encodingFor(syntaxId) ?? UNKNOWN_CHARSET;
  if (encoding === 'utf-8') return true;
  return decodeWith(encodeText(text, syntaxId), encoding) === text;
}

/** Letters that do not decompose into a base letter and marks. */
const LIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  '@': ' AT ',
  _: '-',
  '#': 'NO.',
  '\u2013': '-',
  '\u2019': "'",
};

/**
 * The text as the syntax level can carry it, for partners that accept it so: accents removed
 * (é -> e), ligatures spelt out (ß -> ss), '@' as ' AT ', and upper-cased under level A.
 * Undefined when characters remain that the level cannot carry (CJK, most symbols).
 */
export function transliterate(text: string, syntaxId: string): string | undefined {
  if (encodable(text, syntaxId)) return text;
  let out = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  out = out.replace(/[^\x20-\x7e]|[@_#]/g, (c) => ownEntry(LIGATURES, c) ?? c);
  if (syntaxId.toUpperCase() === 'UNOA') out = out.toUpperCase();
  return encodable(out, syntaxId) ? out : undefined;
}

/**
 * An incremental decoder for streams (keeps split multi-byte sequences between chunks). Latin-1
 * (UNOA/UNOB/UNOC) maps each byte to one character, so Node decodes it natively and statelessly.
 */
export function streamDecoder(encoding: string): { write(b: Buffer): string; end(): string } {
  if (encoding === 'latin1' || encoding === 'iso-8859-1') {
    return { write: (b) => b.toString('latin1'), end: () => '' };
  }
  const decoder = iconv.getDecoder(encoding);
  return { write: (b) => decoder.write(b), end: () => decoder.end() ?? '' };
}

/** Byte length of text in an encoding; undefined for single-byte encodings (1 char = 1 byte). */
export function byteLengthFn(encoding: string): ((text: string) => number) | undefined {
  if (encoding === 'utf-8') return (text) => Buffer.byteLength(text, 'utf8');
  if (encoding === 'euc-kr') return (text) => iconv.encode(text, encoding).length;
  return undefined;
}
