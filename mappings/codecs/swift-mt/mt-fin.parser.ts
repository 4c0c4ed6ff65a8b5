import { mtSyntaxError } from './mt-error';
import { parseApplicationHeader, parseBasicHeader, parseTagList } from './mt-header.parser';
import { LineCounter, parseFieldLines } from './mt-block4.parser';
import type { MtAcknowledgement, MtMessage, MtTag } from './mt.types';

/** Between messages: whitespace, RJE '$' separators, SOH/ETX framing characters. */
function skipSeparators(text: string, pos: number): number {
  let p = pos;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    // space, tab, CR, LF, '$', SOH, ETX
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x24 || c === 1 || c === 3)
      p++;
    else break;
  }
  return p;
}

interface Cursor {
  text: string;
  pos: number;
  lines: LineCounter;
  lineEnding: MtMessage['lineEnding'];
}

/** Block 4 in text form: CRLF, fields, CRLF '-}'. */
function readTextBlock(c: Cursor, msg: MtMessage): void {
  const start = c.pos + 3;
  const end = c.text.indexOf('\n-}', start);
  const line = c.lines.at(start);
  if (end === -1) throw mtSyntaxError('BLOCK4_END', 'block 4 has no closing CRLF-}', { line });
  const body = c.text.slice(start, c.text[end - 1] === '\r' ? end - 1 : end);
  const lines = body.split(/\r?\n/);
  if (lines[0] !== '')
    throw mtSyntaxError('BLOCK4_START', 'block 4 text must start on a new line', { line });
  const { fields, leading } = parseFieldLines(lines.slice(1), (i) => line + 1 + i);
  if (leading.some((l) => l.trim() !== '')) {
    throw mtSyntaxError('BLOCK4_TEXT', 'block 4 text before the first field tag', {
      line: line + 1,
    });
  }
  msg.fields = fields;
  c.pos = end + 3;
}

function readTags(c: Cursor): MtTag[] {
  const { tags, end } = parseTagList(c.text, c.pos + 3, { line: c.lines.at(c.pos) });
  c.pos = end;
  return tags;
}

function readSimple(c: Cursor): string {
  const close = c.text.indexOf('}', c.pos);
  if (close === -1)
    throw mtSyntaxError('BLOCK_END', 'header block is not closed', { line: c.lines.at(c.pos) });
  const raw = c.text.slice(c.pos + 3, close);
  c.pos = close + 1;
  return raw;
}

/** Reads blocks {1:} to {5:} of one message; stops at the next {1:} or a separator. */
function readMessage(c: Cursor): { msg: MtMessage; system?: MtTag[] } {
  const msg: MtMessage = {
    framing: 'fin',
    fields: [],
    preamble: [],
    trailer: null,
    lineEnding: c.lineEnding,
    issues: [],
  };
  let system: MtTag[] | undefined;
  while (c.text[c.pos] === '{' && c.text[c.pos + 2] === ':') {
    const id = c.text[c.pos + 1];
    const at = { line: c.lines.at(c.pos) };
    if (id === '1') {
      if (msg.block1) break;
      msg.block1 = parseBasicHeader(readSimple(c), at);
    } else if (id === '2') msg.block2 = parseApplicationHeader(readSimple(c), at);
    else if (id === '3') msg.block3 = readTags(c);
    else if (id === '4' && c.text[c.pos + 3] === '{') system = readTags(c);
    else if (id === '4') readTextBlock(c, msg);
    else if (id === '5') msg.block5 = readTags(c);
    else throw mtSyntaxError('BLOCK_ID', `unknown block {${id}:`, at);
  }
  return { msg, system };
}

/** Messages framed in blocks: one per {1:}, RJE '$' separated or concatenated. */
export function parseFinMessages(text: string, lineEnding: MtMessage['lineEnding']): MtMessage[] {
  const c: Cursor = {
    text,
    pos: skipSeparators(text, 0),
    lines: new LineCounter(text),
    lineEnding,
  };
  const out: MtMessage[] = [];
  let ack: MtAcknowledgement | undefined;
  while (c.pos < text.length) {
    if (!text.startsWith('{1:', c.pos)) {
      throw mtSyntaxError('BLOCK1_MISSING', 'message does not start with {1:', {
        line: c.lines.at(c.pos),
      });
    }
    const { msg, system } = readMessage(c);
    const block1 = msg.block1!;
    if (block1.serviceId === '21') {
      // ACK/NAK service message: SWIFT delivers it followed by the message it acknowledges.
      const tags = system ?? [];
      const status = tags.find((t) => t.tag === '451')?.value === '0' ? 'ACK' : 'NAK';
      ack = { status, block1, tags };
    } else {
      if (ack) msg.acknowledgement = ack;
      ack = undefined;
      out.push(msg);
    }
    c.pos = skipSeparators(text, c.pos);
  }
  return out;
}
