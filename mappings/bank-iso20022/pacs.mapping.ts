import type { PaymentReceived } from '../../core/model/documents/banking-payment.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import type { XmlElement } from '../codecs/xml/xml-tree';
import {
  account,
  agentBic,
  amount,
  optionalAmount,
  party,
  required,
  requiredText,
  text,
  texts,
} from '../codecs/iso20022/iso-read';
import type { Iso20022Tree } from '../codecs/iso20022/iso20022-types';
import { referencedDocuments } from '../bank-statement/remittance-refs';
import { sumAmounts } from '../bank-statement/sum-amounts';
import { canonicalAccount, canonicalParty, isoMappingError, money } from './iso-canonical';
import { otherBody, xpathOf } from './iso-other';

const ROOTS: ReadonlyMap<string, string> = new Map([
  ['pacs.008', 'FIToFICstmrCdtTrf'],
  ['pacs.009', 'FICdtTrf'],
]);

// pacs.009 parties are financial institutions (Dbtr/FinInstnId); pacs.008 ones are customers.
function partyOrAgent(node: XmlElement | undefined) {
  const bic = agentBic(node);
  return bic
    ? {
        name: text(node, 'FinInstnId', 'Nm') ?? bic,
        identifiers: [{ scheme: 'BIC' as const, value: bic }],
      }
    : canonicalParty(party(node));
}

function charges(tx: XmlElement, currency: string) {
  const list = tx.elements('ChrgsInf').flatMap((c) => optionalAmount(c, 'Amt') ?? []);
  const same = list.filter((a) => a.currency === currency);
  if (!same.length) return undefined;
  return { amount: sumAmounts(same.map((a) => a.value)), currency };
}

function payment(tx: XmlElement, header: XmlElement): PaymentReceived {
  const settled = money(amount(tx, 'IntrBkSttlmAmt'), xpathOf(tx));
  const creditorAccount = canonicalAccount(account(tx.child('CdtrAcct')));
  const creditor = partyOrAgent(tx.child('Cdtr'));
  const valueDate = text(tx, 'IntrBkSttlmDt') ?? text(header, 'IntrBkSttlmDt');
  if (!valueDate) throw isoMappingError('no interbank settlement date', xpathOf(tx));
  const remittance = texts(tx.child('RmtInf'), 'Ustrd').join(' ');
  const docs = referencedDocuments(remittance);
  const result: PaymentReceived = {
    paymentRef: text(tx, 'PmtId', 'TxId') ?? requiredText(tx, 'PmtId', 'EndToEndId'),
    valueDate,
    amount: settled,
    account: creditorAccount ?? { number: creditor?.name ?? 'UNKNOWN' },
    channel: 'SWIFT',
  };
  const instructed = optionalAmount(tx, 'InstdAmt');
  const chargeTotal = charges(tx, settled.currency);
  const optional: Partial<PaymentReceived> = {
    charges:
      chargeTotal &&
      money({ value: chargeTotal.amount, currency: chargeTotal.currency }, xpathOf(tx)),
    instructedAmount: instructed && money(instructed, xpathOf(tx)),
    exchangeRate: text(tx, 'XchgRate'),
    payer: partyOrAgent(tx.child('Dbtr')),
    payerAccount: canonicalAccount(account(tx.child('DbtrAcct'))),
    payerBankBic: agentBic(tx.child('DbtrAgt')),
    endToEndId: text(tx, 'PmtId', 'EndToEndId'),
    uetr: text(tx, 'PmtId', 'UETR')?.toLowerCase(),
    remittanceInfo: remittance || undefined,
    invoiceNos: docs.invoiceNos.length ? docs.invoiceNos : undefined,
    orderNos: docs.orderNos.length ? docs.orderNos : undefined,
    lcNo: docs.lcNo,
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined && value !== 'NOTPROVIDED') Object.assign(result, { [key]: value });
  return result;
}

/** pacs.008 customer / pacs.009 institution credit transfers received -> PaymentReceived each. */
export const pacsCreditMapping: InboundMapping<Iso20022Tree> = {
  id: 'iso20022-pacs-credit',
  format: 'iso20022',
  messageTypes: ['pacs.008', 'pacs.009'],
  toCanonical(message): MappingResult {
    const root = ROOTS.get(message.tree.messageType) ?? '';
    const body = otherBody(message.tree, root);
    const header = required(body, 'GrpHdr');
    const documents = body.elements('CdtTrfTxInf').map((tx) => {
      const payload = payment(tx, header);
      return {
        documentType: 'PaymentReceived',
        eventType: 'settlement.payment.received',
        payload,
        occurredAt: `${payload.valueDate}T00:00:00Z`,
      };
    });
    if (!documents.length) throw isoMappingError('no CdtTrfTxInf', xpathOf(body));
    return { documents, warnings: [] };
  },
};
