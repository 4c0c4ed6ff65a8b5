import { byteLengthFn, decodeBytes, encodingFor } from './charset.syntax';
import { InterchangeAssembler, type ParseOptions } from './interchange.assembler';
import type { EdifactMessage } from './message.model';
import { SegmentScanner } from './segment.scanner';
import { sniffSyntaxId } from './syntax.sniffer';

/**
 * Parses a whole input (one or more interchanges, or bare UNH..UNT messages) into messages.
 * Each interchange is decoded with the character set its UNB names; when a later interchange
 * names another one, decoding restarts at that interchange's first byte.
 */
export function parseEdifact(input: Buffer | string, options: ParseOptions = {}): EdifactMessage[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const messages: EdifactMessage[] = [];
  let from = 0;
  let line = 1;
  while (from < bytes.length) {
    const next = parseRun(bytes, from, line, options, messages);
    if (next === undefined) break;
    [from, line] = next;
  }
  return messages;
}

/** Parses from `from` until the end or until an interchange needs another encoding. */
function parseRun(
  bytes: Buffer,
  from: number,
  line: number,
  options: ParseOptions,
  out: EdifactMessage[],
): [number, number] | undefined {
  const { syntaxId, start } = sniffSyntaxId(bytes, from);
  const { text, charset } = decodeBytes(bytes.subarray(start), syntaxId);
  const scanner = new SegmentScanner(byteLengthFn(charset), { offset: start, line });
  const assembler = new InterchangeAssembler(scanner, () => charset, options);
  scanner.push(text);
  for (let seg = scanner.next(true); seg; seg = scanner.next(true)) {
    const message = assembler.accept(seg);
    if (message) out.push(message);
    if (seg.tag === 'UNZ' && needsOtherEncoding(bytes, scanner.offset, charset)) {
      return [scanner.offset, scanner.currentLine];
    }
  }
  assembler.finish();
  return undefined;
}

function needsOtherEncoding(bytes: Buffer, at: number, current: string): boolean {
  const { syntaxId } = sniffSyntaxId(bytes, at);
  const wanted = encodingFor(syntaxId);
  return wanted !== undefined && normalize(wanted) !== normalize(current);
}

const normalize = (encoding: string): string => (encoding === 'iso-8859-1' ? 'latin1' : encoding);
