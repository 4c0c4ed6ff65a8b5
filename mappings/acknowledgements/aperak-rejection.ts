import { TradeError } from '../../core/errors/trade-error';
import {
  buildInterchange,
  parseEdifact,
  type ContentFailure,
  type ContrlOptions,
  type SegmentDraft,
} from '../codecs/edifact';

/** What the mapping said, for the APERAK's ERC and FTX. */
export interface ApplicationFault extends ContentFailure {
  /** The failure's kind ('mapping', 'rejected' ...), as the ERC code. */
  code?: string;
  message: string;
}

// FTX 4440 is an..512 in five components of an..70 each.
const chunks = (text: string) => (text.match(/.{1,70}/g) ?? []).slice(0, 5);

/**
 * The APERAK (application error and acknowledgement) rejecting a message whose syntax is sound
 * but whose content TradeHub could not take: BGM 313 (application error message) with 1225 27
 * (not accepted) and 4343 RE, RFF ACW naming the failing message (UNH 0062), DTM 137, ERC with
 * the mapping's error code, FTX with its text (the segment it names included). For partners
 * that take APERAK; the others get a CONTRL rejection.
 */
export function aperakRejecting(
  input: Buffer,
  fault: ApplicationFault,
  options: ContrlOptions,
): Buffer {
  const messages = parseEdifact(input);
  const index = fault.segmentIndex;
  const message =
    (index !== undefined
      ? messages.find((m) => m.segments[0].index <= index && index <= m.segments.at(-1)!.index)
      : messages[fault.messageIndex ?? 0]) ?? messages[0];
  const unb = message?.interchange?.unb;
  if (!message || !unb)
    throw new TradeError('rejected', 'no interchange (UNB) to acknowledge', { stage: 'parse' });
  const at = options.preparedAt.toISOString().slice(0, 16).replace(/[-T:]/g, '');
  const segments: SegmentDraft[] = [
    { tag: 'BGM', elements: ['313', `APERAK${options.controlRef}`, '27', 'RE'] },
    { tag: 'DTM', elements: [['137', at, '203']] },
    { tag: 'RFF', elements: [['ACW', message.segments[0].get(0) ?? '']] },
    { tag: 'ERC', elements: [[(fault.code ?? 'mapping').slice(0, 8)]] },
    { tag: 'FTX', elements: ['AAO', '', '', chunks(fault.message)] },
  ];
  return buildInterchange({
    syntaxId: unb.get(0, 0) ?? 'UNOA',
    syntaxVersion: unb.get(0, 1) ?? '3',
    sender: { id: unb.require(2, 0), qualifier: unb.get(2, 1) },
    recipient: { id: unb.require(1, 0), qualifier: unb.get(1, 1) },
    preparedAt: options.preparedAt,
    controlRef: options.controlRef,
    messages: [{ messageRef: '1', messageType: 'APERAK', version: 'D.96A', segments }],
  });
}
