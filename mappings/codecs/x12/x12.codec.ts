import type { Codec, DecodedMessage, Detection } from '../../../core/translation/contract';
import { readDelimiters, skipLeading } from './x12-delimiters';
import type { X12ReadOptions } from './x12-envelope.reader';
import { ta1Message, toDecodedMessage } from './x12-message';
import { decodeX12 } from './x12.parser';
import { X12SegmentScanner } from './x12-segment.scanner';
import type { X12Message } from './x12.types';

/** The bytes skipLeading skips (BOM, space, tab, CR, LF), then `ISA`: decided before decoding. */
function startsWithIsa(input: Buffer): boolean {
  let at = 0;
  for (;;) {
    if (input[at] === 0xef && input[at + 1] === 0xbb && input[at + 2] === 0xbf) at += 3;
    else if ([0x20, 0x09, 0x0a, 0x0d].includes(input[at])) at++;
    else break;
  }
  return input[at] === 0x49 && input[at + 1] === 0x53 && input[at + 2] === 0x41;
}

/** Looks at the ISA and the GS/ST after it; null when the bytes are not X12. */
export function detectX12(input: Buffer): Detection | null {
  if (!startsWithIsa(input)) return null;
  const head = input.subarray(0, 8192).toString('utf8');
  const at = skipLeading(head, 0);
  if (!head.startsWith('ISA', at)) return null;
  const detection: Detection = { format: 'x12', standard: 'ANSI X12' };
  try {
    const d = readDelimiters(head, at);
    const scanner = new X12SegmentScanner(head, at, d);
    const isa = scanner.read();
    detection.version = isa?.elements[11];
    for (let seg = scanner.read(); seg; seg = scanner.read()) {
      if (seg.tag === 'GS' && seg.elements[7]) detection.version = seg.elements[7];
      if (seg.tag === 'TA1') {
        detection.messageType = 'TA1';
        break;
      }
      if (seg.tag === 'ST') {
        detection.messageType = seg.elements[0];
        break;
      }
    }
  } catch {
    // A broken ISA is still X12: decode reports where it breaks.
  }
  return detection;
}

/** Decodes every transaction set of every interchange; throws on the first syntax error. */
export function decodeX12Messages(
  input: Buffer | string,
  options: X12ReadOptions = {},
): Array<DecodedMessage<X12Message>> {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  const out: Array<DecodedMessage<X12Message>> = [];
  for (const ic of decodeX12(text, options)) {
    for (const ta1 of ic.ta1s ?? []) out.push(ta1Message(ta1, ic, out.length));
    for (const group of ic.groups) {
      for (const set of group.sets) out.push(toDecodedMessage(set, group, ic, out.length));
    }
  }
  return out;
}

/** Builds an X12 codec; options let a partner record relax control-number matching. */
export function createX12Codec(options: X12ReadOptions = {}): Codec<X12Message> {
  return {
    format: 'x12',
    detect: detectX12,
    decode: (input: Buffer, _detection: Detection) => decodeX12Messages(input, options),
  };
}

/** ANSI X12 syntax layer: strict envelope and structure checks. */
export const x12Codec: Codec<X12Message> = createX12Codec();
