import type { DeclarationReceipt } from '../../core/model/documents/customs-declaration.schema';
import { TradeError } from '../../core/errors/trade-error';
import type { MappingResult } from '../../core/translation/contract';
import type { CebMessage, CebRecord } from '../codecs/cn-customs/ceb-types';
import { receiptDocument } from './receipt-document';

/**
 * DXP ResponseCode: `0` taken as "accepted by the exchange" and anything else as a transport
 * error. The E-Port code list was not found in a primary source (?); the reply's ResponseInfo
 * is kept as returnInfo so an operator reads the exchange's own words.
 */
function outcomeOf(code: string): Pick<DeclarationReceipt, 'outcome' | 'returnStatusMeaning'> {
  return code === '0'
    ? { outcome: 'PROCESSING', returnStatusMeaning: 'accepted by the E-Port exchange' }
    : { outcome: 'ERROR', returnStatusMeaning: 'refused by the E-Port exchange' };
}

function text(rec: CebRecord, name: string): string | undefined {
  const value = rec[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** NoticeTime is an xs:date, with or without zone; a bare date is midnight China time. */
function noticeTime(value: string | undefined, at: string): string {
  const m = value ? /^(\d{4}-\d{2}-\d{2})(T[\d:.]+)?(Z|[+-]\d{2}:\d{2})?$/.exec(value) : null;
  if (!m) {
    throw new TradeError('mapping', `NoticeTime: "${value ?? ''}" is not a date`, {
      stage: 'map',
      location: { xpath: `${at}/NoticeTime` },
    });
  }
  return `${m[1]}${m[2] ?? 'T00:00:00'}${m[3] ?? '+08:00'}`;
}

/** A DxpRep -> one DeclarationReceipt per Response, answering the OriHead's message. */
export function dxpReplyReceipts(tree: CebMessage): MappingResult {
  const documents = tree.business.Response.map((rec, i) => {
    const at = `/DxpRep/Response[${i + 1}]`;
    const code = text(rec, 'ResponseCode') ?? '';
    if (!/^-?\d+$/.test(code)) {
      throw new TradeError('mapping', `ResponseCode: "${code}" is not a numeric code`, {
        stage: 'map',
        location: { xpath: `${at}/ResponseCode` },
      });
    }
    const head = rec.OriHead as CebRecord | undefined;
    const msgType = (head && text(head, 'MsgType')) ?? tree.envelope?.msgType ?? '';
    const receipt: DeclarationReceipt = {
      messageType:
        /^(CEB\d{3})/.exec(msgType)?.[1] ?? (msgType === 'DecMessage' ? 'DEC' : msgType || 'DXP'),
      guid: (head && text(head, 'CopMsgId')) ?? tree.guid,
      returnStatus: code,
      ...outcomeOf(code),
      returnTime: noticeTime(text(rec, 'NoticeTime'), at),
    };
    const info = text(rec, 'ResponseInfo');
    if (info) receipt.returnInfo = info;
    return receiptDocument(receipt);
  });
  return { documents, warnings: [] };
}
