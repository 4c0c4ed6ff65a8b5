import type { Codec, DecodedMessage, Detection } from '../../../core/translation/contract';
import { byteLengthFn, decodeBytes } from './charset.syntax';
import { parseEdifact } from './edifact.parser';
import type { ParseOptions } from './interchange.assembler';
import { readUnh } from './envelope.reader';
import type { EdifactMessage } from './message.model';
import { SegmentScanner } from './segment.scanner';
import { sniffSyntaxId } from './syntax.sniffer';

// Enough bytes to reach the first UNH of any sane interchange.
const DETECT_WINDOW = 64 * 1024;

/** Detection from the first UNB/UNH: standard, version ('D.96A'), message type and charset. */
export function detectEdifact(input: Buffer): Detection | null {
  const { syntaxId, start } = sniffSyntaxId(input);
  const head = input.subarray(start, start + DETECT_WINDOW);
  if (!/^(UNA|UNB|UNH)/.test(head.toString('latin1', 0, 3))) return null;
  const { text, charset } = decodeBytes(head, syntaxId);
  const scanner = new SegmentScanner(byteLengthFn(charset), { offset: start, line: 1 });
  scanner.push(text);
  const detection: Detection = { format: 'edifact', standard: 'UN/EDIFACT', charset };
  try {
    for (let seg = scanner.next(false); seg; seg = scanner.next(false)) {
      if (seg.tag !== 'UNH') continue;
      const unh = readUnh(seg);
      return { ...detection, version: unh.version, messageType: unh.messageType };
    }
  } catch {
    // A malformed start still is EDIFACT; decode() will say where it breaks.
  }
  return detection;
}

/** The contract's view of one parsed message. */
export function toDecodedMessage(m: EdifactMessage, index: number): DecodedMessage<EdifactMessage> {
  const ic = m.interchange;
  return {
    detection: {
      format: 'edifact',
      standard: 'UN/EDIFACT',
      version: m.version,
      messageType: m.messageType,
      charset: ic?.charset,
    },
    messageRef: m.messageRef,
    index,
    tree: m,
    interchange: ic && {
      senderId: ic.senderId,
      senderQualifier: ic.senderQualifier,
      recipientId: ic.recipientId,
      recipientQualifier: ic.recipientQualifier,
      controlRef: ic.controlRef,
      preparedAt: ic.preparedAt,
      syntax: `${ic.syntaxId}:${ic.syntaxVersion}`,
    },
  };
}

/** A codec with its own parse options (e.g. lenient envelope checks for one partner). */
export function createEdifactCodec(options: ParseOptions = {}): Codec<EdifactMessage> {
  return {
    format: 'edifact',
    detect: detectEdifact,
    decode: (input: Buffer, _detection: Detection) =>
      parseEdifact(input, options).map((m, i) => toDecodedMessage(m, i)),
  };
}

/** The UN/EDIFACT codec: strict envelope checks, structures from the registry. */
export const edifactCodec: Codec<EdifactMessage> = createEdifactCodec();
