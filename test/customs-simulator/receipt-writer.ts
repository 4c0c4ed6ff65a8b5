import { randomUUID } from 'node:crypto';
import { el } from '../../mappings/codecs/xml/xml-build';
import { writeXml } from '../../mappings/codecs/xml/xml-write';
import { DXP_NAMESPACE, type CebRecord } from '../../mappings/codecs/cn-customs/ceb-types';
import { writeCebMessage, writeDxpMessage } from '../../mappings/codecs/cn-customs/ceb-write';
import { isoToCebTime } from '../../mappings/cn-customs-receipts';

/** The receipt element each request is answered with (primer §1.2 catalogue). */
const RETURN_ELEMENT: Readonly<Record<string, string>> = {
  CEB303: 'OrderReturn',
  CEB311: 'OrderReturn',
  CEB403: 'ReceiptsReturn',
  CEB505: 'LogisticsReturn',
  CEB603: 'InventoryReturn',
  CEB605: 'InvtCancelReturn',
  CEB621: 'InventoryReturn',
  CEB623: 'InvtCancelReturn',
  CEB701: 'SummaryReturn',
  DEC: 'DecReturn',
};

/** Business keys a receipt quotes back. */
export const KEY_FIELDS = [
  'orderNo',
  'logisticsNo',
  'copNo',
  'preNo',
  'invtNo',
  'sumNo',
  'payNo',
  'entryId',
];

const SIM_NODE = 'DXPEDCCEB0000002';

export function receiptType(messageType: string): string {
  if (messageType === 'DEC') return 'DECRTN';
  return `CEB${Number(messageType.slice(3)) + 1}`;
}

/** One CEB (or declaration) receipt in the default namespace, as E-Port sends them, in DXP. */
export function writeReceipt(
  messageType: string,
  keys: Record<string, string>,
  step: { status: string; info: string },
  at: Date,
  receiver: string,
): Buffer {
  const record: CebRecord = {
    guid: keys.guid,
    ...Object.fromEntries(KEY_FIELDS.filter((k) => keys[k]).map((k) => [k, keys[k]])),
  };
  record.returnStatus = step.status;
  record.returnTime = isoToCebTime(at, true);
  record.returnInfo = `${step.info}[${keys.guid}]`;
  const type = receiptType(messageType);
  const answer = writeCebMessage(
    {
      messageType: type,
      guid: randomUUID().toUpperCase(),
      business: { [RETURN_ELEMENT[messageType] ?? 'MessageReturn']: [record] },
      baseTransfer: { copCode: 'EPORT', copName: '电子口岸', dxpMode: 'DXP', dxpId: SIM_NODE },
    },
    { prefix: '' },
  );
  return writeDxpMessage(answer, {
    copMsgId: randomUUID(),
    senderId: SIM_NODE,
    receiverIds: [receiver],
    createdAt: at.toISOString().slice(0, 19),
    msgType: type === 'DECRTN' ? 'DecReturnMessage' : `${type}Message`,
  });
}

/** CEB900 format-error receipt: the schema's complaint, for the message it answers. */
export function writeFormatError(messageType: string, guid: string, why: string, at: Date): Buffer {
  return writeCebMessage(
    {
      messageType: 'CEB900',
      guid: randomUUID().toUpperCase(),
      business: {
        MessageReturn: [
          {
            guid,
            returnStatus: '-1',
            returnTime: isoToCebTime(at, true),
            returnInfo: `${messageType}Message 报文格式错误: ${why}`.slice(0, 1000),
          },
        ],
      },
      baseTransfer: { copCode: 'EPORT', copName: '电子口岸', dxpMode: 'DXP', dxpId: SIM_NODE },
    },
    { prefix: '' },
  );
}

/** The exchange's transport reply naming the file it took (CopMsgId = our message guid). */
export function writeDxpRep(
  original: { copMsgId: string; senderId: string; msgType: string; createdAt: string },
  code: string,
  info: string,
  at: Date,
): Buffer {
  const rep = el(
    'DxpRep',
    { xmlns: DXP_NAMESPACE, ver: '1.0' },
    el('RecevierId', {}, original.senderId),
    el(
      'Response',
      {},
      el('ResponseCode', {}, code),
      el('ResponseInfo', {}, info),
      el('NoticeTime', {}, at.toISOString().slice(0, 10)),
      el(
        'OriHead',
        {},
        el('CopMsgId', {}, original.copMsgId),
        el('SenderId', {}, original.senderId),
        el('ReceiverIds', {}, el('ReceiverId', {}, SIM_NODE)),
        el('CreatTime', {}, original.createdAt),
        el('MsgType', {}, original.msgType),
      ),
    ),
  );
  return writeXml(rep, { pretty: true });
}
