import { TradeError } from '../../core/errors/trade-error';
import {
  buildInterchange,
  parseEdifact,
  SyntaxErrorCode,
  type ContrlOptions,
  type EdifactMessage,
  type SegmentDraft,
} from '../codecs/edifact';

/** Where the content of a syntactically sound interchange could not be mapped. */
export interface ContentFailure {
  /** Segment position in the interchange (UNB = 1), as mapping errors locate it. */
  segmentIndex?: number;
  /** Message position in the input, from 0, when no segment is known. */
  messageIndex?: number;
}

function failingMessage(messages: EdifactMessage[], at: ContentFailure) {
  const index = at.segmentIndex;
  if (index === undefined) return messages[at.messageIndex ?? 0];
  return messages.find((m) => m.segments[0].index <= index && index <= m.segments.at(-1)!.index);
}

/**
 * The CONTRL rejecting an interchange whose syntax is sound but whose content TradeHub could
 * not take (a mapping failure): UCI action 4 naming the interchange, UCM 4 naming the message
 * and, when the failing segment is known, UCS with its position (UNH = 1) and code 12
 * (invalid value). Syntax errors are answered by the codec's buildContrl instead.
 */
export function contrlRejectingContent(
  input: Buffer,
  at: ContentFailure,
  options: ContrlOptions,
): Buffer {
  const messages = parseEdifact(input);
  const message = failingMessage(messages, at) ?? messages[0];
  const unb = message?.interchange?.unb;
  if (!message || !unb)
    throw new TradeError('rejected', 'no interchange (UNB) to acknowledge', { stage: 'parse' });
  const unh = message.segments[0];
  const segments: SegmentDraft[] = [
    { tag: 'UCI', elements: [unb.get(4), unb.element(1), unb.element(2), '4'] },
    { tag: 'UCM', elements: [unh.get(0), unh.element(1), '4'] },
  ];
  if (at.segmentIndex !== undefined && failingMessage(messages, at)) {
    const position = at.segmentIndex - unh.index + 1;
    segments.push({ tag: 'UCS', elements: [String(position), SyntaxErrorCode.invalidValue] });
  }
  const syntaxVersion = unb.get(0, 1) ?? '3';
  return buildInterchange({
    syntaxId: unb.get(0, 0) ?? 'UNOA',
    syntaxVersion,
    sender: { id: unb.require(2, 0), qualifier: unb.get(2, 1) },
    recipient: { id: unb.require(1, 0), qualifier: unb.get(1, 1) },
    preparedAt: options.preparedAt,
    controlRef: options.controlRef,
    // An acknowledgement echoes the partner's own references, as sent.
    repertoire: 'verbatim',
    // CONTRL is versioned by the syntax: D:3 up to version 3, 4:1 for version 4.
    messages: [
      {
        messageRef: '1',
        messageType: 'CONTRL',
        version: Number(syntaxVersion) >= 4 ? '4.1' : 'D.3',
        segments,
      },
    ],
  });
}
