import { TradeError } from '../../../core/errors/trade-error';
import { writeTagList } from './mt-header.parser';
import { LINE_FORMATS } from './mt-field.formats';
import type { MtField, MtMessage, MtTag } from './mt.types';

function invalid(tag: string, message: string): TradeError {
  return new TradeError('mapping', `SWIFT MT :${tag}: ${message}`, {
    stage: 'map',
    location: { fieldTag: tag },
  });
}

/** Breaks one line to `width`, preferring spaces; a new line never starts with ':' or '-'. */
function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    while (cut > 1 && (rest[cut] === ':' || rest[cut] === '-')) cut--;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/**
 * Lays out free text for a field: wraps to the field's line width and refuses text that needs
 * more lines than the format allows (e.g. :86: 6*65x, :50K: 4*35x after the account line).
 */
export function formatFieldText(tag: string, text: string): string {
  const f = LINE_FORMATS[tag];
  const given = text.split(/\r?\n/);
  if (given.some((l) => /^[:-]/.test(l) && l !== given[0])) {
    throw invalid(tag, "a continuation line may not start with ':' or '-'");
  }
  if (!f) return given.join('\n');
  const lines = given.flatMap((l) => wrapLine(l, f.width));
  if (lines.length > f.lines) {
    throw invalid(tag, `needs ${lines.length} lines of ${f.width}, the format allows ${f.lines}`);
  }
  return lines.join('\n');
}

/** Builds block 4 fields from tag/text pairs, laid out and checked by formatFieldText. */
export function buildFields(entries: Array<[tag: string, text: string]>): MtField[] {
  return entries.map(([tag, text]) => ({ tag, value: formatFieldText(tag, text), line: 0 }));
}

function writeFields(fields: MtField[], eol: string): string {
  return fields.map((f) => `:${f.tag}:${f.value.split('\n').join(eol)}`).join(eol);
}

const block = (id: string, tags: MtTag[] | undefined) =>
  tags === undefined ? '' : `{${id}:${writeTagList(tags)}}`;

/** One message as FIN blocks or as a bare block 4, with its own line ending. */
export function serializeMtMessage(msg: MtMessage): string {
  const eol = msg.lineEnding;
  if (msg.framing === 'bare') {
    const lines = [...msg.preamble, writeFields(msg.fields, eol)];
    if (msg.trailer !== null) lines.push(`-${msg.trailer}`);
    return lines.join(eol);
  }
  const ack = msg.acknowledgement
    ? `{1:${msg.acknowledgement.block1.raw}}${block('4', msg.acknowledgement.tags)}`
    : '';
  const b1 = msg.block1 ? `{1:${msg.block1.raw}}` : '';
  const b2 = msg.block2 ? `{2:${msg.block2.raw}}` : '';
  const b4 = `{4:${eol}${writeFields(msg.fields, eol)}${eol}-}`;
  return ack + b1 + b2 + block('3', msg.block3) + b4 + block('5', msg.block5);
}

/** A file of messages, one after the other, each followed by its line ending. */
export function serializeMt(messages: MtMessage | MtMessage[]): string {
  const list = Array.isArray(messages) ? messages : [messages];
  return list.map((m) => serializeMtMessage(m) + m.lineEnding).join('');
}
