import { UNA_LENGTH } from './separators.syntax';

const FILLER = new Set([0x0a, 0x0d, 0x20, 0x09, 0x00]);
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Finds the syntax identifier (UNB S001 0001) of the interchange starting at byte `from`, from
 * the raw bytes: service characters and the identifier are plain ASCII in every supported
 * encoding, so this works before we know how to decode the rest.
 */
export function sniffSyntaxId(bytes: Buffer, from = 0): { syntaxId: string; start: number } {
  let p = skip(bytes, from);
  const start = p;
  let element = 0x2b; // '+'
  let component = 0x3a; // ':'
  if (ascii(bytes, p, 3) === 'UNA' && bytes.length >= p + UNA_LENGTH) {
    component = bytes[p + 3];
    element = bytes[p + 4];
    p = skip(bytes, p + UNA_LENGTH);
  }
  if (ascii(bytes, p, 3) !== 'UNB') return { syntaxId: '', start };
  if (bytes[p + 3] === 0x1d) [element, component] = [0x1d, 0x1f];
  if (bytes[p + 3] !== element) return { syntaxId: '', start };
  let q = p + 4;
  while (q < bytes.length && q < p + 12 && bytes[q] !== component && bytes[q] !== element) q++;
  return { syntaxId: ascii(bytes, p + 4, q - p - 4), start };
}

function skip(bytes: Buffer, from: number): number {
  let p = from;
  if (bytes[p] === BOM[0] && bytes[p + 1] === BOM[1] && bytes[p + 2] === BOM[2]) p += 3;
  while (p < bytes.length && FILLER.has(bytes[p])) p++;
  return p;
}

function ascii(bytes: Buffer, at: number, length: number): string {
  return bytes.toString('latin1', at, Math.min(bytes.length, at + length));
}
