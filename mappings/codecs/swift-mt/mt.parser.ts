import { parseSubFields } from './fields';
import { mtSyntaxError } from './mt-error';
import { parseBareMessages } from './mt-bare.parser';
import { parseFinMessages } from './mt-fin.parser';
import { messageTypeOf } from './mt-message-type';
import type { MtMessage } from './mt.types';

/** Before the first message: whitespace, a BOM, DOS-PCC SOH/ETX framing and RJE '$'. */
export function firstSignificant(text: string): number {
  let p = 0;
  while (p < text.length && isLeading(text.charCodeAt(p))) p++;
  return p;
}

const isLeading = (c: number): boolean =>
  c === 1 || c === 3 || c === 0x24 || c === 0xfeff || /\s/.test(String.fromCharCode(c));

/**
 * Splits and parses every message of a file: FIN block framing (RJE '$' separated or
 * concatenated {1:} blocks, ACKs attached to their message) or bare block 4 statements.
 * Block syntax errors throw (stage 'parse'); sub-field errors throw (stage 'validate').
 */
export function parseMt(text: string): MtMessage[] {
  const start = firstSignificant(text);
  if (start >= text.length) throw mtSyntaxError('EMPTY', 'input holds no message', { line: 1 });
  const lineEnding = text.includes('\r\n') ? '\r\n' : '\n';
  const messages =
    text[start] === '{' ? parseFinMessages(text, lineEnding) : parseBareMessages(text, lineEnding);
  if (messages.length === 0) {
    throw mtSyntaxError('NO_FIELDS', 'no :tag: field found', { line: 1 });
  }
  for (const msg of messages) {
    msg.messageType = messageTypeOf(msg);
    parseSubFields(msg);
  }
  return messages;
}

/** The message's reference: field 20 (first line). */
export function messageRefOf(msg: MtMessage): string | undefined {
  return msg.fields.find((f) => f.tag === '20')?.value.split('\n')[0];
}
