import type { PaymentStatusReport } from '../../core/model/documents/banking-payment.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import type { Iso20022Tree, IsoStatusReason } from '../codecs/iso20022/iso20022-types';
import { isoMappingError, money, zonedDateTime } from './iso-canonical';

type Outcome = NonNullable<PaymentStatusReport['outcome']>;

// ExternalPaymentTransactionStatus1Code / GroupStatus1Code: what each code means for us.
const OUTCOMES: ReadonlyMap<string, Outcome> = new Map([
  ['ACCP', 'ACCEPTED'],
  ['ACCC', 'SETTLED'],
  ['ACSC', 'SETTLED'],
  ['ACSP', 'ACCEPTED'],
  ['ACTC', 'ACCEPTED'],
  ['ACWC', 'ACCEPTED'],
  ['ACWP', 'ACCEPTED'],
  ['ACFC', 'ACCEPTED'],
  ['RCVD', 'PENDING'],
  ['PDNG', 'PENDING'],
  ['PART', 'PARTIAL'],
  ['RJCT', 'REJECTED'],
  ['CANC', 'REJECTED'],
]);

function status(code: string | undefined, reasons: IsoStatusReason[], warnings: string[]) {
  const outcome = code ? OUTCOMES.get(code) : undefined;
  if (code && !outcome) warnings.push(`status code '${code}' is not a known ISO 20022 status`);
  const list = reasons.map((r) => ({
    ...((r.code ?? r.proprietary) ? { code: r.code ?? r.proprietary } : {}),
    ...(r.additionalInfo.length ? { text: r.additionalInfo.join(' ') } : {}),
  }));
  return {
    ...(code ? { statusCode: code } : {}),
    ...(outcome ? { outcome } : {}),
    ...(list.length ? { reasons: list } : {}),
  };
}

/** pain.002 customer payment status report -> PaymentStatusReport (group, payment, transaction). */
export const pain002Mapping: InboundMapping<Iso20022Tree> = {
  id: 'iso20022-pain002-status',
  format: 'iso20022',
  messageTypes: ['pain.002'],
  toCanonical(message): MappingResult {
    const doc = message.tree;
    if (doc.kind !== 'pain.002') throw isoMappingError('not a pain.002 message', '/Document');
    const warnings: string[] = [];
    const report: PaymentStatusReport = {
      messageId: doc.groupHeader.msgId,
      originalMessageId: doc.original.msgId,
      originalMessageType: doc.original.msgNameId,
      ...status(doc.original.groupStatus, doc.original.reasons, warnings),
      payments: doc.payments.map((p) => ({
        paymentInfoId: p.originalPmtInfId,
        ...status(p.status, p.reasons, warnings),
        transactions: p.transactions.map((t) => ({
          ...(t.originalEndToEndId ? { endToEndId: t.originalEndToEndId } : {}),
          ...(t.originalInstrId ? { instructionId: t.originalInstrId } : {}),
          ...(t.originalUetr ? { uetr: t.originalUetr.toLowerCase() } : {}),
          ...(t.amount ? { amount: money(t.amount, t.xpath) } : {}),
          ...status(t.status, t.reasons, warnings),
        })),
      })),
    };
    const created = zonedDateTime(doc.groupHeader.createdAt);
    if (created) report.createdAt = created;
    return {
      documents: [
        {
          documentType: 'PaymentStatusReport',
          eventType: 'settlement.payment.status',
          payload: report,
          occurredAt: created,
        },
      ],
      warnings,
    };
  },
};
