import type {
  InboundMapping,
  MappedDocument,
  MappingResult,
} from '../../core/translation/contract';
import type { Iso20022Tree } from '../codecs/iso20022/iso20022-types';
import { paymentOf } from './camt-payment';
import { camtStatements } from './camt-statement.mapping';
import { isoMappingError } from './iso-canonical';

/**
 * camt.054 debit/credit notification -> the notified entries as an intraday BankStatement, and
 * a PaymentReceived for every credit transaction (what settlement matches against invoices).
 */
export const camt054Mapping: InboundMapping<Iso20022Tree> = {
  id: 'iso20022-camt054-notification',
  format: 'iso20022',
  messageTypes: ['camt.054'],
  toCanonical(message): MappingResult {
    const doc = message.tree;
    if (doc.kind !== 'camt') throw isoMappingError('not a camt message', '/Document');
    const warnings: string[] = [];
    const statements = camtStatements(doc, warnings);
    const documents: MappedDocument[] = [];
    doc.statements.forEach((ntfctn, n) => {
      const statement = statements[n].payload;
      documents.push(statements[n]);
      ntfctn.entries.forEach((entry, e) => {
        const txs = entry.transactions.length ? entry.transactions : [undefined];
        txs.forEach((tx, t) => {
          const ref = `${ntfctn.id}-${e + 1}-${t + 1}`;
          const payment = paymentOf(
            entry,
            tx,
            statement.account,
            ref,
            statement.entries[e].valueDate,
          );
          if (payment)
            documents.push({
              documentType: 'PaymentReceived',
              eventType: 'settlement.payment.received',
              payload: payment,
              occurredAt: statement.createdAt,
            });
        });
      });
    });
    return { documents, warnings };
  },
};
