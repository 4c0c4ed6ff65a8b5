import type { DeclarationReceipt } from '../../core/model/documents/customs-declaration.schema';
import type { MappedDocument } from '../../core/translation/contract';

export function receiptDocument(receipt: DeclarationReceipt): MappedDocument {
  return {
    documentType: 'DeclarationReceipt',
    eventType: 'clearance.declaration.receipt',
    payload: receipt,
    occurredAt: receipt.returnTime,
  };
}
