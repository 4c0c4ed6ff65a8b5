import type {
  Codec,
  DecodedMessage,
  Detection,
  InterchangeInfo,
} from '../../../core/translation/contract';
import { parseXml, type XmlParseOptions } from '../xml/xml-parse';
import { detectCnCustoms } from './ceb-detect';
import { readCeb } from './ceb-read';
import type { CebMessage, DxpTransInfo } from './ceb-types';
import { readDxp, readDxpRep } from './dxp-read';

function interchangeOf(info: DxpTransInfo): InterchangeInfo {
  const out: InterchangeInfo = { syntax: 'DXP' };
  if (info.senderId) out.senderId = info.senderId;
  if (info.receiverIds[0]) out.recipientId = info.receiverIds[0];
  if (info.copMsgId) out.controlRef = info.copMsgId;
  if (info.createdAt) out.preparedAt = info.createdAt;
  return out;
}

/**
 * China customs CEB codec: a CEBxxxMessage, bare or unwrapped from its DXP envelope, into a
 * CebMessage whose codes stay strings. One message per input, referenced by its guid.
 */
export function createCnCustomsCodec(options: XmlParseOptions = {}): Codec<CebMessage> {
  return {
    format: 'cn-customs',
    detect: detectCnCustoms,
    decode(input: Buffer, detection: Detection): Array<DecodedMessage<CebMessage>> {
      const outer = parseXml(input, options);
      if (outer.root.local === 'DxpRep') {
        const tree = readDxpRep(outer.root);
        const found = { ...detection, messageType: 'DxpRep', charset: outer.charset };
        return [{ detection: found, messageRef: tree.guid, index: 0, tree }];
      }
      if (outer.root.local !== 'DxpMsg') {
        const tree = readCeb(outer.root);
        const found = { ...detection, messageType: tree.messageType, charset: outer.charset };
        return [{ detection: found, messageRef: tree.guid, index: 0, tree }];
      }
      const { transInfo, payload } = readDxp(outer.root);
      const inner = parseXml(payload, options);
      const tree: CebMessage = { ...readCeb(inner.root), envelope: transInfo };
      const found = { ...detection, messageType: tree.messageType, charset: inner.charset };
      return [
        {
          detection: found,
          messageRef: tree.guid,
          index: 0,
          tree,
          interchange: interchangeOf(transInfo),
        },
      ];
    },
  };
}

export const cnCustomsCodec: Codec<CebMessage> = createCnCustomsCodec();
