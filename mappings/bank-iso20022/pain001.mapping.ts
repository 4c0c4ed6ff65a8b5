import type { PaymentInstruction } from '../../core/model/documents/banking-payment.schema';
import type {
  InboundMapping,
  MappedDocument,
  MappingResult,
} from '../../core/translation/contract';
import type { XmlElement } from '../codecs/xml/xml-tree';
import {
  account,
  agentBic,
  amount,
  party,
  required,
  requiredText,
  text,
  texts,
} from '../codecs/iso20022/iso-read';
import type { Iso20022Tree } from '../codecs/iso20022/iso20022-types';
import { referencedDocuments } from '../bank-statement/remittance-refs';
import {
  canonicalAccount,
  canonicalParty,
  isoMappingError,
  money,
  zonedDateTime,
} from './iso-canonical';
import { otherBody, xpathOf } from './iso-other';

type CreditTransfer = PaymentInstruction['transactions'][number];

function requiredParty(node: XmlElement, local: string) {
  const result = canonicalParty(party(node.child(local)));
  if (!result) throw isoMappingError(`${local} has no name`, `${xpathOf(node)}/${local}`);
  return result;
}

function requiredAccount(node: XmlElement, local: string) {
  const result = canonicalAccount(account(node.child(local)));
  if (!result)
    throw isoMappingError(`${local} has no IBAN or other id`, `${xpathOf(node)}/${local}`);
  return result;
}

function transfer(tx: XmlElement): CreditTransfer {
  const remittance = texts(tx.child('RmtInf'), 'Ustrd').join(' ');
  const invoiceNos = [
    ...texts(tx.at('RmtInf', 'Strd', 'RfrdDocInf'), 'Nb'),
    ...referencedDocuments(remittance).invoiceNos,
  ];
  const result: CreditTransfer = {
    endToEndId: requiredText(tx, 'PmtId', 'EndToEndId'),
    amount: money(amount(tx, 'Amt', 'InstdAmt'), xpathOf(tx)),
    creditor: requiredParty(tx, 'Cdtr'),
    creditorAccount: requiredAccount(tx, 'CdtrAcct'),
  };
  const optional: Partial<CreditTransfer> = {
    instructionId: text(tx, 'PmtId', 'InstrId'),
    uetr: text(tx, 'PmtId', 'UETR')?.toLowerCase(),
    creditorAgentBic: agentBic(tx.child('CdtrAgt')),
    purposeCode: text(tx, 'Purp', 'Cd'),
    remittanceInfo: remittance ? remittance.slice(0, 140) : undefined,
    invoiceNos: invoiceNos.length ? [...new Set(invoiceNos)] : undefined,
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(result, { [key]: value });
  return result;
}

// v3 writes ReqdExctnDt as a date; v8+ as a choice of Dt or DtTm.
function executionDate(pmt: XmlElement): string {
  const node = required(pmt, 'ReqdExctnDt');
  const value = text(node, 'Dt') ?? text(node, 'DtTm')?.slice(0, 10) ?? node.text().trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(value))
    throw isoMappingError(`requested execution date '${value}' is not a date`, xpathOf(node));
  return value.slice(0, 10);
}

function instruction(header: XmlElement, pmt: XmlElement): PaymentInstruction {
  const method = requiredText(pmt, 'PmtMtd');
  if (method !== 'TRF')
    throw isoMappingError(
      `payment method '${method}' is not a credit transfer (TRF)`,
      xpathOf(pmt),
    );
  const created = zonedDateTime(requiredText(header, 'CreDtTm'));
  const result: PaymentInstruction = {
    messageId: requiredText(header, 'MsgId'),
    // A creation time without zone is the sender's local time: UTC is the honest fallback.
    createdAt: created ?? `${requiredText(header, 'CreDtTm').slice(0, 19)}Z`,
    initiatingParty: requiredParty(header, 'InitgPty'),
    paymentInfoId: requiredText(pmt, 'PmtInfId'),
    method: 'TRF',
    requestedExecutionDate: executionDate(pmt),
    debtor: requiredParty(pmt, 'Dbtr'),
    debtorAccount: requiredAccount(pmt, 'DbtrAcct'),
    transactions: pmt.elements('CdtTrfTxInf').map(transfer),
  };
  const bic = agentBic(pmt.child('DbtrAgt'));
  if (bic) result.debtorAgentBic = bic;
  const bearer = text(pmt, 'ChrgBr');
  if (bearer === 'DEBT' || bearer === 'CRED' || bearer === 'SHAR' || bearer === 'SLEV')
    result.chargeBearer = bearer;
  const sum = text(pmt, 'CtrlSum');
  if (sum) result.controlSum = sum;
  return result;
}

/** pain.001 customer credit transfer initiation (as a client's ERP sends it) -> PaymentInstruction. */
export const pain001Mapping: InboundMapping<Iso20022Tree> = {
  id: 'iso20022-pain001-instruction',
  format: 'iso20022',
  messageTypes: ['pain.001'],
  toCanonical(message): MappingResult {
    const body = otherBody(message.tree, 'CstmrCdtTrfInitn');
    const header = required(body, 'GrpHdr');
    const documents: MappedDocument[] = body.elements('PmtInf').map((pmt) => {
      const payload = instruction(header, pmt);
      return {
        documentType: 'PaymentInstruction',
        eventType: 'settlement.payment.instructed',
        payload,
        occurredAt: payload.createdAt,
      };
    });
    if (!documents.length) throw isoMappingError('no PmtInf', xpathOf(body));
    return { documents, warnings: [] };
  },
};
