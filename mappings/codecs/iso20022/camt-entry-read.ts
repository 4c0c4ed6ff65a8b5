import type { XmlElement } from '../xml/xml-tree';
import {
  account,
  agentBic,
  amount,
  compact,
  creditDebit,
  dateChoice,
  isTrue,
  optionalAmount,
  party,
  text,
  texts,
} from './iso-read';
import type {
  IsoAmount,
  IsoBankTxCode,
  IsoExchange,
  IsoEntry,
  IsoRemittance,
  IsoStructuredRemittance,
  IsoTransactionDetails,
  IsoTransactionRefs,
} from './iso20022-types';

/** XPath step of the i-th of `count` siblings, positioned only when there are several. */
export function step(local: string, index: number, count: number): string {
  return count > 1 ? `${local}[${index + 1}]` : local;
}

/** One Ntry of a camt.052/053/054, v2 to v8 shapes alike. */
export function readEntry(ntry: XmlElement, xpath: string): IsoEntry {
  const transactions: IsoTransactionDetails[] = [];
  const details = ntry.elements('NtryDtls');
  details.forEach((detail, d) => {
    const txs = detail.elements('TxDtls');
    const base = `${xpath}/${step('NtryDtls', d, details.length)}`;
    txs.forEach((tx, t) =>
      transactions.push(readTransaction(tx, `${base}/${step('TxDtls', t, txs.length)}`)),
    );
  });
  const batch = ntry.at('NtryDtls', 'Btch');
  return compact<IsoEntry>({
    xpath,
    ref: text(ntry, 'NtryRef'),
    amount: amount(ntry, 'Amt'),
    creditDebit: creditDebit(ntry),
    reversal: isTrue(text(ntry, 'RvslInd')),
    // v2 carries the code as text, v8 as Sts/Cd (or Sts/Prtry).
    status: text(ntry, 'Sts', 'Cd') ?? text(ntry, 'Sts', 'Prtry') ?? text(ntry, 'Sts'),
    bookingDate: dateChoice(ntry.child('BookgDt')),
    valueDate: dateChoice(ntry.child('ValDt')),
    accountServicerRef: text(ntry, 'AcctSvcrRef'),
    bankTxCode: bankTxCode(ntry.child('BkTxCd')),
    additionalInfo: text(ntry, 'AddtlNtryInf'),
    charges: charges(ntry),
    batch: batch
      ? compact({
          msgId: text(batch, 'MsgId'),
          pmtInfId: text(batch, 'PmtInfId'),
          numberOfTransactions: text(batch, 'NbOfTxs'),
        })
      : undefined,
    transactions,
  });
}

function readTransaction(tx: XmlElement, xpath: string): IsoTransactionDetails {
  const parties = tx.child('RltdPties');
  // v2 puts the amount under AmtDtls/TxAmt; v8 has Amt and CdtDbtInd directly.
  const txAmount = optionalAmount(tx, 'Amt') ?? optionalAmount(tx, 'AmtDtls', 'TxAmt', 'Amt');
  const indicator = text(tx, 'CdtDbtInd');
  return compact<IsoTransactionDetails>({
    xpath,
    refs: refs(tx.child('Refs')),
    amount: txAmount,
    creditDebit: indicator === 'CRDT' || indicator === 'DBIT' ? indicator : undefined,
    parties: compact({
      debtor: party(parties?.child('Dbtr')),
      debtorAccount: account(parties?.child('DbtrAcct')),
      creditor: party(parties?.child('Cdtr')),
      creditorAccount: account(parties?.child('CdtrAcct')),
      ultimateDebtor: party(parties?.child('UltmtDbtr')),
      ultimateCreditor: party(parties?.child('UltmtCdtr')),
    }),
    debtorAgentBic: agentBic(tx.at('RltdAgts', 'DbtrAgt')),
    creditorAgentBic: agentBic(tx.at('RltdAgts', 'CdtrAgt')),
    purpose: text(tx, 'Purp', 'Cd') ?? text(tx, 'Purp', 'Prtry'),
    remittance: remittance(tx.child('RmtInf')),
    returnReason: text(tx, 'RtrInf', 'Rsn', 'Cd') ?? text(tx, 'RtrInf', 'Rsn', 'Prtry'),
    charges: charges(tx),
    instructedAmount: optionalAmount(tx, 'AmtDtls', 'InstdAmt', 'Amt'),
    exchange: exchange(tx.child('AmtDtls')),
    additionalInfo: text(tx, 'AddtlTxInf'),
  });
}

/** Chrgs: v2 repeats Chrgs with Amt, v8 holds Rcrd records; a list either way. */
function charges(node: XmlElement): IsoAmount[] | undefined {
  const list = node
    .elements('Chrgs')
    .flatMap((c) => (c.child('Rcrd') ? c.elements('Rcrd') : [c]))
    .flatMap((record) => optionalAmount(record, 'Amt') ?? []);
  return list.length ? list : undefined;
}

/** CcyXchg of the transaction or instructed amount: what a foreign-currency credit was worth. */
function exchange(details: XmlElement | undefined): IsoExchange | undefined {
  const xchg = details?.at('TxAmt', 'CcyXchg') ?? details?.at('InstdAmt', 'CcyXchg');
  const rate = text(xchg, 'XchgRate');
  if (!xchg || !rate) return undefined;
  return compact<IsoExchange>({
    sourceCurrency: text(xchg, 'SrcCcy'),
    targetCurrency: text(xchg, 'TrgtCcy'),
    rate,
  });
}

function refs(node: XmlElement | undefined): IsoTransactionRefs {
  return compact<IsoTransactionRefs>({
    msgId: text(node, 'MsgId'),
    accountServicerRef: text(node, 'AcctSvcrRef'),
    pmtInfId: text(node, 'PmtInfId'),
    instrId: text(node, 'InstrId'),
    endToEndId: text(node, 'EndToEndId'),
    uetr: text(node, 'UETR'),
    txId: text(node, 'TxId'),
    mandateId: text(node, 'MndtId'),
    chequeNumber: text(node, 'ChqNb'),
    clearingSystemRef: text(node, 'ClrSysRef'),
  });
}

function bankTxCode(node: XmlElement | undefined): IsoBankTxCode | undefined {
  if (!node) return undefined;
  return compact<IsoBankTxCode>({
    domain: text(node, 'Domn', 'Cd'),
    family: text(node, 'Domn', 'Fmly', 'Cd'),
    subFamily: text(node, 'Domn', 'Fmly', 'SubFmlyCd'),
    proprietaryCode: text(node, 'Prtry', 'Cd'),
    proprietaryIssuer: text(node, 'Prtry', 'Issr'),
  });
}

function remittance(node: XmlElement | undefined): IsoRemittance {
  const structured = (node?.elements('Strd') ?? []).map((strd) =>
    compact<IsoStructuredRemittance>({
      creditorRef: text(strd, 'CdtrRefInf', 'Ref'),
      creditorRefType:
        text(strd, 'CdtrRefInf', 'Tp', 'CdOrPrtry', 'Cd') ??
        text(strd, 'CdtrRefInf', 'Tp', 'CdOrPrtry', 'Prtry'),
      referredDocumentNumbers: strd.elements('RfrdDocInf').flatMap((doc) => texts(doc, 'Nb')),
      additionalInfo: texts(strd, 'AddtlRmtInf'),
    }),
  );
  return { unstructured: texts(node, 'Ustrd'), structured };
}
