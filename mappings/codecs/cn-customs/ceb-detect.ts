import type { Detection } from '../../../core/translation/contract';
import { sniffXml } from '../xml/xml-sniff';
import { DXP_NAMESPACE, messageTypeOfRoot } from './ceb-types';

/** The CEB specification edition TradeHub speaks; the messages themselves do not name it. */
export const CEB_EDITION = '202205';

const MSG_TYPE = /<(?:[\w.-]+:)?MsgType>\s*((?:CEB\d{3}|Dec|DecReturn)Message)\s*</;
const DATA_START = /<(?:[\w.-]+:)?Data[^>]*>\s*([A-Za-z0-9+/\s]{16,})/;

function cebDetection(messageType: string, charset: string): Detection {
  return {
    format: 'cn-customs',
    standard: 'China customs CEB',
    version: CEB_EDITION,
    messageType,
    charset,
  };
}

/** DXP MsgType names the root element: CEB303Message, DecMessage ... */
function messageTypeOfMsgType(msgType: string): string | undefined {
  const ceb = /^(CEB\d{3})Message$/.exec(msgType);
  if (ceb) return ceb[1];
  return { DecMessage: 'DEC', DecReturnMessage: 'DECRTN' }[msgType];
}

/** The CEB message type inside a DXP envelope: from TransInfo/MsgType, else from the payload. */
function dxpMessageType(head: string): string | undefined {
  const declared = MSG_TYPE.exec(head);
  if (declared) return messageTypeOfMsgType(declared[1]);
  const data = DATA_START.exec(head);
  if (!data) return undefined;
  const chunk = data[1].replace(/\s+/g, '');
  const inner = sniffXml(Buffer.from(chunk.slice(0, chunk.length - (chunk.length % 4)), 'base64'));
  return inner ? messageTypeOfRoot(inner.rootLocal, inner.rootNs) : undefined;
}

/**
 * China customs cross-border e-commerce messages: a CEBxxxMessage root in the CEB namespace
 * (prefixed `ceb:` or default) or a goods declaration file or receipt (DecMessage,
 * DecReturnMessage), an E-Port DxpMsg envelope carrying one in base64, or the exchange's
 * transport reply DxpRep.
 */
export function detectCnCustoms(input: Buffer): Detection | null {
  const sniff = sniffXml(input);
  if (!sniff) return null;
  const own = messageTypeOfRoot(sniff.rootLocal, sniff.rootNs);
  if (own) return cebDetection(own, sniff.charset);
  if (sniff.rootLocal === 'DxpRep' && sniff.rootNs === DXP_NAMESPACE) {
    return cebDetection('DxpRep', sniff.charset);
  }
  if (sniff.rootLocal === 'DxpMsg' && sniff.rootNs === DXP_NAMESPACE) {
    return cebDetection(dxpMessageType(sniff.head) ?? 'DxpMsg', sniff.charset);
  }
  return null;
}
