import type { InputLocation } from '../../../core/errors/trade-error';
import { mtSyntaxError } from './mt-error';
import type { MtApplicationHeader, MtBasicHeader, MtTag } from './mt.types';

const BASIC = /^([FAL])(\d{2})([A-Z0-9]{12})(\d{4})(\d{6})$/;
const INPUT = /^I(\d{3})([A-Z0-9]{12})([SNU])?([123])?(\d{3})?$/;
// Some bank exports shorten output block 2 to O + type + address [+ priority].
const OUTPUT_SHORT = /^O(\d{3})([A-Z0-9]{12})([SNU])?$/;
const OUTPUT = /^O(\d{3})(\d{4})(\d{6})([A-Z0-9]{12})(\d{4})(\d{6})(\d{6})(\d{4})([SNU])?$/;

export function parseBasicHeader(raw: string, at: InputLocation): MtBasicHeader {
  const m = BASIC.exec(raw);
  if (!m)
    throw mtSyntaxError(
      'BLOCK1',
      `block 1 '${raw}' is not F01 + LT address + session + sequence`,
      at,
    );
  return {
    raw,
    applicationId: m[1],
    serviceId: m[2],
    logicalTerminal: m[3],
    sessionNumber: m[4],
    sequenceNumber: m[5],
  };
}

export function parseApplicationHeader(raw: string, at: InputLocation): MtApplicationHeader {
  const input = INPUT.exec(raw);
  if (input) {
    return {
      raw,
      direction: 'I',
      messageType: input[1],
      counterpartAddress: input[2],
      priority: input[3],
      deliveryMonitoring: input[4],
      obsolescencePeriod: input[5],
    };
  }
  const short = OUTPUT_SHORT.exec(raw);
  if (short) {
    return {
      raw,
      direction: 'O',
      messageType: short[1],
      counterpartAddress: short[2],
      priority: short[3],
      abbreviated: true,
    };
  }
  const output = OUTPUT.exec(raw);
  if (!output) throw mtSyntaxError('BLOCK2', `block 2 '${raw}' is neither input nor output`, at);
  return {
    raw,
    direction: 'O',
    messageType: output[1],
    inputTime: output[2],
    mirDate: output[3],
    counterpartAddress: output[4],
    mirSession: output[5],
    mirSequence: output[6],
    outputDate: output[7],
    outputTime: output[8],
    priority: output[9],
  };
}

/** Reads `{tag:value}{tag:value}` from `text` at `pos` up to the closing '}' of the block. */
export function parseTagList(
  text: string,
  pos: number,
  at: InputLocation,
): { tags: MtTag[]; end: number } {
  const tags: MtTag[] = [];
  let p = pos;
  while (text[p] === '{') {
    const colon = text.indexOf(':', p);
    const close = text.indexOf('}', p);
    if (colon === -1 || close === -1 || colon > close) {
      throw mtSyntaxError('TAG_BLOCK', 'tag in header or trailer block is not {tag:value}', at);
    }
    tags.push({ tag: text.slice(p + 1, colon), value: text.slice(colon + 1, close) });
    p = close + 1;
  }
  if (text[p] !== '}')
    throw mtSyntaxError('TAG_BLOCK', 'header or trailer block is not closed', at);
  return { tags, end: p + 1 };
}

export function writeTagList(tags: MtTag[]): string {
  return tags.map((t) => `{${t.tag}:${t.value}}`).join('');
}
