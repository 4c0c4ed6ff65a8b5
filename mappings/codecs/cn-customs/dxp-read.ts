import { TradeError } from '../../../core/errors/trade-error';
import type { XmlElement } from '../xml/xml-tree';
import { DXP_NAMESPACE, type DxpTransInfo } from './ceb-types';

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
  return { transInfo, payload: Buffer.from(encoded, 'base64') };
}
