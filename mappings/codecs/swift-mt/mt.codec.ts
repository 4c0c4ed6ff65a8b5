import type {
  Codec,
  DecodedMessage,
  Detection,
  InterchangeInfo,
} from '../../../core/translation/contract';
import { TAG_LINE } from './mt-block4.parser';
import { inferMessageType } from './mt-message-type';
import { firstSignificant, messageRefOf, parseMt } from './mt.parser';
import type { MtMessage } from './mt.types';

const DETECTION: Detection = { format: 'swift-mt', standard: 'SWIFT MT' };

/** FIN block 1/2 at the start, or a bare block 4 (`:20:` and other `:NNa:` tags). */
export function detectMt(input: Buffer): Detection | null {
  const text = input.subarray(0, 16384).toString('utf8');
  // DOS-PCC files frame each message in SOH ... ETX; RJE batches may open with '$'.
  const head = text.slice(firstSignificant(text));
  const block2 = /^\{1:[^}]*\}(?:\{4:\{[^]*?\}\}\{1:[^}]*\})?\{2:[IO](\d{3})/.exec(head);
  if (block2) return { ...DETECTION, messageType: `MT${block2[1]}` };
  if (head.startsWith('{1:')) return { ...DETECTION };
  const lines = head.split(/\r?\n/);
  const tags = lines.map((l) => TAG_LINE.exec(l)?.[1]).filter((t): t is string => !!t);
  if (!tags.includes('20') || tags.length < 2) return null;
  const header = lines.slice(
    0,
    lines.findIndex((l) => l.startsWith(':20:')),
  );
  const named = header.map((l) => /^:?([1-9]\d{2})(?::|\s|$)/.exec(l)?.[1]).find(Boolean);
  const messageType = named ? `MT${named}` : inferMessageType(new Set(tags));
  return messageType ? { ...DETECTION, messageType } : { ...DETECTION };
}

/** Output messages: block 2 names the sender (MIR); input messages: block 1 is the sender. */
function interchangeOf(msg: MtMessage): InterchangeInfo | undefined {
  const b1 = msg.block1;
  const b2 = msg.block2;
  if (!b1) return undefined;
  const output = b2?.direction === 'O';
  const info: InterchangeInfo = {
    senderId: output ? b2.counterpartAddress : b1.logicalTerminal,
    recipientId: output ? b1.logicalTerminal : b2?.counterpartAddress,
    controlRef: `${b1.sessionNumber}${b1.sequenceNumber}`,
    syntax: 'SWIFT FIN',
  };
  if (output && b2.outputDate && b2.outputTime) {
    // Receiver's local output date and time; FIN headers carry no zone.
    const d = b2.outputDate;
    info.preparedAt = `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}T${b2.outputTime.slice(0, 2)}:${b2.outputTime.slice(2, 4)}`;
  }
  return info;
}

export function decodeMtMessages(input: Buffer | string): Array<DecodedMessage<MtMessage>> {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  return parseMt(text).map((tree, index) => ({
    detection: { ...DETECTION, messageType: tree.messageType },
    messageRef: messageRefOf(tree),
    index,
    tree,
    interchange: interchangeOf(tree),
  }));
}

/** SWIFT MT syntax layer: blocks 1-5 or bare block 4, fields with validated sub-fields. */
export const swiftMtCodec: Codec<MtMessage> = {
  format: 'swift-mt',
  detect: detectMt,
  decode: (input: Buffer, _detection: Detection) => decodeMtMessages(input),
};
