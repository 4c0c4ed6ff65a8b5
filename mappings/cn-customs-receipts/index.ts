export { cebReceiptMapping, receiptOf } from './ceb-receipt.mapping';
export { cebTimeToIso, isoToCebTime } from './ceb-time';
export { RECEIPT_ANSWERS, RECEIPT_MESSAGE_TYPES } from './receipt-types';
