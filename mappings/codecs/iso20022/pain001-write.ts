import Decimal from 'decimal.js';
import { TradeError } from '../../../core/errors/trade-error';
import { el, leaf } from '../xml/xml-build';
import type { XmlElement } from '../xml/xml-tree';
import { writeXml, type XmlWriteOptions } from '../xml/xml-write';
import { account, agent, dialect, party } from './pain001-parts';
import type {
  Pain001Input,
  Pain001Payment,
  Pain001Transaction,
  Pain001Version,
} from './pain001-types';

const AMOUNT = /^\d{1,13}(\.\d{1,5})?$/;

/** Builds the pain.001 Document; NbOfTxs and CtrlSum are computed in decimal arithmetic. */
export function buildPain001(input: Pain001Input): XmlElement {
  if (input.payments.length === 0) fail('pain.001 needs at least one payment', 'PmtInf');
  const all = input.payments.flatMap((payment) => payment.transactions);
  const initiator = input.initiatingParty;
  return el(
    'Document',
    { xmlns: `urn:iso:std:iso:20022:tech:xsd:${input.version}` },
    el(
      'CstmrCdtTrfInitn',
      {},
      el(
        'GrpHdr',
        {},
        leaf('MsgId', input.msgId),
        leaf('CreDtTm', input.createdAt),
        leaf('NbOfTxs', String(all.length)),
        leaf('CtrlSum', controlSum(all)),
        party('InitgPty', { ...initiator, address: undefined }, input.version),
      ),
      ...input.payments.map((payment, i) => paymentInfo(payment, input.version, i)),
    ),
  );
}

/** Renders pain.001 XML (UTF-8, with declaration). */
export function writePain001(
  input: Pain001Input,
  options: Pick<XmlWriteOptions, 'pretty'> = {},
): Buffer {
  return writeXml(buildPain001(input), { pretty: options.pretty ?? true });
}

function paymentInfo(payment: Pain001Payment, version: Pain001Version, index: number): XmlElement {
  if (payment.transactions.length === 0)
    fail('a payment needs at least one transaction', `PmtInf[${index + 1}]/CdtTrfTxInf`);
  const { v9 } = dialect(version);
  const typeInfo =
    payment.serviceLevel || payment.categoryPurpose
      ? el(
          'PmtTpInf',
          {},
          payment.serviceLevel ? el('SvcLvl', {}, leaf('Cd', payment.serviceLevel)) : undefined,
          payment.categoryPurpose
            ? el('CtgyPurp', {}, leaf('Cd', payment.categoryPurpose))
            : undefined,
        )
      : undefined;
  return el(
    'PmtInf',
    {},
    leaf('PmtInfId', payment.pmtInfId),
    leaf('PmtMtd', 'TRF'),
    payment.batchBooking === undefined
      ? undefined
      : leaf('BtchBookg', String(payment.batchBooking)),
    leaf('NbOfTxs', String(payment.transactions.length)),
    leaf('CtrlSum', controlSum(payment.transactions)),
    typeInfo,
    // v3 has a plain date; v9 a choice of Dt or DtTm.
    v9
      ? el('ReqdExctnDt', {}, leaf('Dt', payment.requestedExecutionDate))
      : leaf('ReqdExctnDt', payment.requestedExecutionDate),
    party('Dbtr', payment.debtor, version),
    account('DbtrAcct', payment.debtorAccount),
    agent('DbtrAgt', payment.debtorAgent, version),
    leaf('ChrgBr', payment.chargeBearer),
    ...payment.transactions.map((tx, t) =>
      transfer(tx, version, `PmtInf[${index + 1}]/CdtTrfTxInf[${t + 1}]`),
    ),
  );
}

function transfer(tx: Pain001Transaction, version: Pain001Version, xpath: string): XmlElement {
  const { v9 } = dialect(version);
  if (!AMOUNT.test(tx.amount.value))
    fail(`amount "${tx.amount.value}" is not a decimal with at most 5 decimals`, `${xpath}/Amt`);
  if (tx.uetr && !v9) fail('UETR needs pain.001.001.09 or later', `${xpath}/PmtId/UETR`);
  const remittance = tx.remittance;
  return el(
    'CdtTrfTxInf',
    {},
    el(
      'PmtId',
      {},
      leaf('InstrId', tx.instrId),
      leaf('EndToEndId', tx.endToEndId),
      leaf('UETR', tx.uetr),
    ),
    el('Amt', {}, leaf('InstdAmt', tx.amount.value, { Ccy: tx.amount.currency })),
    leaf('ChrgBr', tx.chargeBearer),
    tx.creditorAgent ? agent('CdtrAgt', tx.creditorAgent, version) : undefined,
    party('Cdtr', tx.creditor, version),
    account('CdtrAcct', tx.creditorAccount),
    tx.purpose ? el('Purp', {}, leaf('Cd', tx.purpose)) : undefined,
    remittance
      ? el('RmtInf', {}, leaf('Ustrd', remittance.unstructured), creditorReference(remittance))
      : undefined,
  );
}

function creditorReference(
  remittance: NonNullable<Pain001Transaction['remittance']>,
): XmlElement | undefined {
  if (!remittance.creditorRef) return undefined;
  const type = el('Tp', {}, el('CdOrPrtry', {}, leaf('Cd', remittance.creditorRefType ?? 'SCOR')));
  return el('Strd', {}, el('CdtrRefInf', {}, type, leaf('Ref', remittance.creditorRef)));
}

/** Sum of the amounts, written with as many decimals as the most precise amount. */
function controlSum(transactions: Pain001Transaction[]): string {
  // Counted on the strings: Decimal normalises 1250.10 to 1250.1.
  const places = Math.max(...transactions.map((tx) => tx.amount.value.split('.')[1]?.length ?? 0));
  const sum = transactions.reduce(
    (total, tx) => total.plus(new Decimal(tx.amount.value)),
    new Decimal(0),
  );
  return sum.toFixed(places);
}

function fail(message: string, xpath: string): never {
  throw new TradeError('mapping', `pain.001: ${message}`, {
    stage: 'map',
    location: { xpath: `/Document/CstmrCdtTrfInitn/${xpath}` },
  });
}
