import type { DeclarationReceipt } from '../../core/model/documents/customs-declaration.schema';
import { TradeError } from '../../core/errors/trade-error';
import type {
  DecodedMessage,
  InboundMapping,
  MappedDocument,
  MappingResult,
} from '../../core/translation/contract';
import type { CebMessage, CebRecord } from '../codecs/cn-customs/ceb-types';
import { returnStatusOf } from '../customs-codes';
import { cebTimeToIso } from './ceb-time';
import { RECEIPT_ANSWERS, RECEIPT_MESSAGE_TYPES } from './receipt-types';
import { dxpReplyReceipts } from './dxp-reply';
import { receiptDocument } from './receipt-document';

/** Business keys a receipt may carry, CEB field -> DeclarationReceipt field. */
const KEYS: ReadonlyArray<readonly [string, keyof DeclarationReceipt]> = [
  ['guid', 'guid'],
  ['copNo', 'clientRef'],
  ['preNo', 'preEntryId'],
  ['preEntryId', 'preEntryId'],
  ['entryId', 'entryId'],
  ['orderNo', 'orderNo'],
  ['logisticsNo', 'logisticsNo'],
  ['invtNo', 'inventoryNo'],
  ['sumNo', 'summaryNo'],
];

const CEB_TYPE_IN_TEXT = /CEB(\d{3})(?:Message)?/;

function field(rec: CebRecord, name: string): string | undefined {
  const value = rec[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function missing(name: string, xpath: string): TradeError {
  return new TradeError('mapping', `${name} missing in the receipt`, {
    stage: 'map',
    location: { xpath },
  });
}

/** The message a receipt answers: by its code, or for CEB900 from what it says. */
function answeredType(tree: CebMessage, rec: CebRecord): string {
  const known = RECEIPT_ANSWERS[tree.messageType];
  if (known) return known;
  const named = CEB_TYPE_IN_TEXT.exec(
    `${field(rec, 'msgType') ?? ''} ${field(rec, 'returnInfo') ?? ''}`,
  );
  return named ? `CEB${named[1]}` : 'CEB';
}

/** One receipt record (OrderReturn, InventoryReturn ...) -> DeclarationReceipt. */
export function receiptOf(tree: CebMessage, rec: CebRecord, at: string): DeclarationReceipt {
  const status = field(rec, 'returnStatus');
  if (!status) throw missing('returnStatus', `${at}/returnStatus`);
  const time = field(rec, 'returnTime');
  if (!time) throw missing('returnTime', `${at}/returnTime`);
  const { meaning, outcome } = returnStatusOf(status, 'returnStatus', `${at}/returnStatus`);
  const receipt: DeclarationReceipt = {
    messageType: answeredType(tree, rec),
    returnStatus: status,
    returnStatusMeaning: meaning,
    outcome,
    returnTime: cebTimeToIso(time, 'returnTime', `${at}/returnTime`),
  };
  for (const [from, to] of KEYS) {
    const value = field(rec, from);
    if (value) (receipt as Record<string, unknown>)[to] = value;
  }
  const info = field(rec, 'returnInfo');
  if (info) receipt.returnInfo = info;
  if (!receipt.guid) receipt.guid = tree.guid;
  return receipt;
}

function cebReceipts(tree: CebMessage): MappingResult {
  const documents: MappedDocument[] = [];
  const warnings: string[] = [];
  for (const [element, records] of Object.entries(tree.business)) {
    records.forEach((rec, i) => {
      if (!('returnStatus' in rec)) return;
      const at = `/${tree.messageType}Message/${element}[${i + 1}]`;
      const receipt = receiptOf(tree, rec, at);
      if (!returnStatusOf(receipt.returnStatus).listed)
        warnings.push(`${at}: returnStatus ${receipt.returnStatus} is not in the CEB table`);
      documents.push(receiptDocument(receipt));
    });
  }
  if (documents.length === 0)
    throw missing('a record with returnStatus', `/${tree.messageType}Message`);
  return { documents, warnings };
}

/**
 * CEB receipts (304, 312, 404, 412, 506, 508, 510, 512, 604, 606, 622, 624, 702, 712, 792),
 * the CEB900 format-error receipt and the DXP transport reply -> one DeclarationReceipt per
 * receipt record, with the return status, its meaning and the message it answers.
 */
export const cebReceiptMapping: InboundMapping<CebMessage> = {
  id: 'cn-customs-receipt',
  format: 'cn-customs',
  messageTypes: RECEIPT_MESSAGE_TYPES,
  toCanonical(message: DecodedMessage<CebMessage>): MappingResult {
    const tree = message.tree;
    if (tree.messageType === 'DxpRep') return dxpReplyReceipts(tree);
    return cebReceipts(tree);
  },
};
