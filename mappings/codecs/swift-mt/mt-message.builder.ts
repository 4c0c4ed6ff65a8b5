import { TradeError } from '../../../core/errors/trade-error';
import { buildFields } from './mt.writer';
import type { MtMessage, MtTag } from './mt.types';

export interface MtMessageSpec {
  /** Three digits, e.g. '940', '103'. */
  messageType: string;
  /** Sender's 12-character logical terminal (BIC8 + terminal code + branch). */
  sender: string;
  /** Receiver's 12-character logical terminal. */
  receiver: string;
  priority?: 'N' | 'U' | 'S';
  sessionNumber?: string;
  sequenceNumber?: string;
  /** Block 3 user header tags, e.g. 108 MUR, 121 UETR. */
  userHeader?: MtTag[];
  fields: Array<[tag: string, text: string]>;
  trailer?: MtTag[];
  lineEnding?: MtMessage['lineEnding'];
}

function address(value: string, name: string): string {
  if (!/^[A-Z0-9]{12}$/.test(value)) {
    throw new TradeError(
      'mapping',
      `SWIFT MT: ${name} '${value}' is not a 12-character LT address`,
      {
        stage: 'map',
      },
    );
  }
  return value;
}

/** An input (I) FIN message with blocks 1-5, fields laid out to their line formats. */
export function buildMtMessage(spec: MtMessageSpec): MtMessage {
  const session = spec.sessionNumber ?? '0000';
  const sequence = spec.sequenceNumber ?? '000000';
  const sender = address(spec.sender, 'sender');
  const receiver = address(spec.receiver, 'receiver');
  const priority = spec.priority ?? 'N';
  return {
    framing: 'fin',
    messageType: `MT${spec.messageType}`,
    block1: {
      raw: `F01${sender}${session}${sequence}`,
      applicationId: 'F',
      serviceId: '01',
      logicalTerminal: sender,
      sessionNumber: session,
      sequenceNumber: sequence,
    },
    block2: {
      raw: `I${spec.messageType}${receiver}${priority}`,
      direction: 'I',
      messageType: spec.messageType,
      counterpartAddress: receiver,
      priority,
    },
    block3: spec.userHeader,
    fields: buildFields(spec.fields),
    block5: spec.trailer,
    preamble: [],
    trailer: null,
    lineEnding: spec.lineEnding ?? '\r\n',
    issues: [],
  };
}
