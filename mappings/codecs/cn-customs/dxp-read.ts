import { TradeError } from '../../../core/errors/trade-error';
import type { XmlElement } from '../xml/xml-tree';
import { record } from './ceb-read';
import { DXP_NAMESPACE, type CebMessage, type DxpTransInfo } from './ceb-types';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function rejected(message: string, xpath: string): TradeError {
  return new TradeError('rejected', `DXP: ${message}`, {
    stage: 'parse',
    location: { xpath },
    code: 'DXP_INVALID',
  });
}

function text(parent: XmlElement | undefined, local: string): string | undefined {
  const value = parent?.child(local)?.text().trim();
  return value ? value : undefined;
}

/** TransInfo and the decoded Data payload of an E-Port DxpMsg envelope. */
export function readDxp(root: XmlElement): { transInfo: DxpTransInfo; payload: Buffer } {
  if (root.local !== 'DxpMsg' || root.ns !== DXP_NAMESPACE) {
    throw rejected(`root <${root.name}> is not a DxpMsg in ${DXP_NAMESPACE}`, `/${root.local}`);
  }
  const info = root.child('TransInfo');
  if (!info) throw rejected('TransInfo missing', '/DxpMsg/TransInfo');
  const data = root.child('Data');
  const encoded = data?.text().replace(/\s+/g, '') ?? '';
  if (!encoded) throw rejected('Data missing or empty', '/DxpMsg/Data');
  if (encoded.length % 4 !== 0 || !BASE64.test(encoded))
    throw rejected('Data is not base64', '/DxpMsg/Data');
  return { transInfo: readTransInfo(info), payload: Buffer.from(encoded, 'base64') };
}

/** A TransInfo (or a DxpRep OriHead): who sent what to whom. */
function readTransInfo(info: XmlElement): DxpTransInfo {
  const transInfo: DxpTransInfo = {
    receiverIds: (info.child('ReceiverIds')?.elements('ReceiverId') ?? []).map((id) =>
      id.text().trim(),
    ),
  };
  const fields: Array<[keyof DxpTransInfo, string]> = [
    ['copMsgId', 'CopMsgId'],
    ['senderId', 'SenderId'],
    ['createdAt', 'CreatTime'],
    ['msgType', 'MsgType'],
    ['fileName', 'FileName'],
  ];
  for (const [key, local] of fields) {
    const value = text(info, local);
    if (value !== undefined) (transInfo as unknown as Record<string, string>)[key] = value;
  }
  return transInfo;
}

/**
 * The exchange's transport reply (DxpRep) as a CebMessage-shaped tree: one `Response` record
 * per response, `guid` and `envelope` from the OriHead of the message it answers (TradeHub sends
 * its CEB guid as CopMsgId, so the reply names the message).
 */
export function readDxpRep(root: XmlElement): CebMessage {
  const responses = root.elements('Response');
  if (responses.length === 0) throw rejected('DxpRep has no Response', '/DxpRep/Response');
  const head = responses[0].child('OriHead');
  if (!head) throw rejected('Response has no OriHead', '/DxpRep/Response/OriHead');
  const envelope = readTransInfo(head);
  return {
    messageType: 'DxpRep',
    guid: envelope.copMsgId ?? text(root, 'RecevierId') ?? '',
    version: root.attr('ver') ?? '',
    prefix: root.prefix,
    namespace: root.ns,
    business: { Response: responses.map(record) },
    baseSubscribe: [],
    envelope,
  };
}
