import {
  writeCebMessage,
  writeDxpMessage,
  type CebMessageInput,
} from '../codecs/cn-customs/ceb-write';
import type { CebSigner } from './ceb-signer';
import type { CebEdition, CebSchemaValidator } from './ceb-validate';

export interface PreparedCeb {
  messageType: string;
  guid: string;
  /** The signed CEB message. */
  ceb: Buffer;
  /** The DXP envelope carrying it, ready for the exchange folder. */
  dxp: Buffer;
  fileName: string;
}

export interface PrepareOptions {
  signer: CebSigner;
  validator: CebSchemaValidator;
  edition: CebEdition;
  /** DXP ids: ours and E-Port's receiving node. */
  senderId: string;
  receiverId: string;
  now: Date;
}

/**
 * Render -> sign -> validate against the XSD -> wrap in DXP. A message that fails the schema
 * throws before anything is written, so it is never sent. The CEB guid is the DXP CopMsgId,
 * so the exchange's DxpRep names the message it answers.
 */
export async function prepareCeb(input: CebMessageInput, o: PrepareOptions): Promise<PreparedCeb> {
  const signed = await o.signer.sign(writeCebMessage(input));
  await o.validator.assertValid(signed, input.messageType, o.edition);
  const dxp = writeDxpMessage(signed, {
    copMsgId: input.guid,
    senderId: o.senderId,
    receiverIds: [o.receiverId],
    createdAt: o.now.toISOString().slice(0, 19),
    msgType: `${input.messageType}Message`,
  });
  return {
    messageType: input.messageType,
    guid: input.guid,
    ceb: signed,
    dxp,
    fileName: `${input.messageType}_${input.guid}.xml`,
  };
}
