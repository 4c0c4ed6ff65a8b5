import type { XmlElement } from '../xml/xml-tree';
import { step } from './camt-entry-read';
import { compact, optionalAmount, party, required, requiredText, text, texts } from './iso-read';
import type {
  IsoStatusReason,
  Pain002Document,
  Pain002Payment,
  Pain002Transaction,
} from './iso20022-types';

/**
 * Reads a pain.002 CustomerPaymentStatusReport (v3 to v10, and national variants such as the
 * Swiss .ch.02 that keep the ISO element names): group, payment and transaction statuses with
 * their reason codes.
 */
export function readPain002(document: XmlElement, version: string): Pain002Document {
  const body = required(document, 'CstmrPmtStsRpt');
  const header = required(body, 'GrpHdr');
  const original = required(body, 'OrgnlGrpInfAndSts');
  const payments = body.elements('OrgnlPmtInfAndSts');
  const base = `/${document.local}/CstmrPmtStsRpt`;
  return {
    kind: 'pain.002',
    messageType: 'pain.002',
    version,
    groupHeader: compact({
      msgId: requiredText(header, 'MsgId'),
      createdAt: text(header, 'CreDtTm'),
      initiatingParty: party(header.child('InitgPty')),
    }),
    original: compact({
      msgId: requiredText(original, 'OrgnlMsgId'),
      msgNameId: requiredText(original, 'OrgnlMsgNmId'),
      groupStatus: text(original, 'GrpSts'),
      reasons: reasons(original),
    }),
    payments: payments.map((payment, i) =>
      readPayment(payment, `${base}/${step('OrgnlPmtInfAndSts', i, payments.length)}`),
    ),
  };
}

function readPayment(payment: XmlElement, xpath: string): Pain002Payment {
  const txs = payment.elements('TxInfAndSts');
  return compact<Pain002Payment>({
    xpath,
    originalPmtInfId: requiredText(payment, 'OrgnlPmtInfId'),
    status: text(payment, 'PmtInfSts'),
    reasons: reasons(payment),
    transactions: txs.map((tx, i) =>
      readTransaction(tx, `${xpath}/${step('TxInfAndSts', i, txs.length)}`),
    ),
  });
}

function readTransaction(tx: XmlElement, xpath: string): Pain002Transaction {
  const reference = tx.child('OrgnlTxRef');
  return compact<Pain002Transaction>({
    xpath,
    statusId: text(tx, 'StsId'),
    originalInstrId: text(tx, 'OrgnlInstrId'),
    originalEndToEndId: text(tx, 'OrgnlEndToEndId'),
    originalUetr: text(tx, 'OrgnlUETR'),
    status: text(tx, 'TxSts'),
    reasons: reasons(tx),
    amount: reference
      ? (optionalAmount(reference, 'Amt', 'InstdAmt') ??
        optionalAmount(reference, 'Amt', 'EqvtAmt', 'Amt'))
      : undefined,
  });
}

function reasons(parent: XmlElement): IsoStatusReason[] {
  return parent.elements('StsRsnInf').map((info) =>
    compact<IsoStatusReason>({
      code: text(info, 'Rsn', 'Cd'),
      proprietary: text(info, 'Rsn', 'Prtry'),
      additionalInfo: texts(info, 'AddtlInf'),
    }),
  );
}
