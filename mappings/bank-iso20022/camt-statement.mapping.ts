import type {
  BankStatement,
  StatementEntry,
} from '../../core/model/documents/banking-payment.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import type {
  CamtDocument,
  CamtStatement,
  IsoBalance,
  IsoEntry,
  Iso20022Tree,
} from '../codecs/iso20022/iso20022-types';
import { balanceCheck } from '../bank-statement/balance-check';
import {
  canonicalAccount,
  canonicalParty,
  isoDate,
  isoMappingError,
  money,
  zonedDateTime,
} from './iso-canonical';

type BalanceType = BankStatement['balances'][number]['type'];

// ISO 20022 external balance type codes (ExternalBalanceType1Code).
const BALANCE_TYPES: ReadonlyMap<string, BalanceType> = new Map([
  ['OPBD', 'OPENING'],
  ['PRCD', 'OPENING'],
  ['ITBD', 'INTERIM_CLOSING'],
  ['CLBD', 'CLOSING'],
  ['CLAV', 'CLOSING_AVAILABLE'],
  ['FWAV', 'FORWARD_AVAILABLE'],
  ['ITAV', 'CLOSING_AVAILABLE'],
]);

const STATUSES: ReadonlyMap<string, StatementEntry['status']> = new Map([
  ['BOOK', 'BOOKED'],
  ['PDNG', 'PENDING'],
  ['INFO', 'INFO'],
  ['FUTR', 'PENDING'],
]);

function balance(b: IsoBalance, xpath: string, warnings: string[]) {
  const code = b.typeCode ?? b.typeProprietary ?? '';
  const type = BALANCE_TYPES.get(code);
  const date = isoDate(b.date);
  if (!type || !date) {
    warnings.push(`${xpath}: balance type '${code}' is not read`);
    return [];
  }
  return [
    {
      type,
      creditDebit: b.creditDebit === 'CRDT' ? ('CREDIT' as const) : ('DEBIT' as const),
      amount: money(b.amount, xpath),
      date,
    },
  ];
}

function remittanceText(entry: IsoEntry): string | undefined {
  const tx = entry.transactions[0];
  const parts = [
    ...(tx?.remittance.unstructured ?? []),
    ...(tx?.remittance.structured.flatMap((s) => [s.creditorRef, ...s.referredDocumentNumbers]) ??
      []),
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : entry.additionalInfo;
}

// Some notifications carry no dates on an entry: the notification's own date stands in.
function entry(e: IsoEntry, fallbackDate: string | undefined): StatementEntry {
  const tx = e.transactions.length === 1 ? e.transactions[0] : undefined;
  const credit = e.creditDebit === 'CRDT';
  const other = credit
    ? { party: tx?.parties.debtor, account: tx?.parties.debtorAccount }
    : { party: tx?.parties.creditor, account: tx?.parties.creditorAccount };
  const name = canonicalParty(other.party)?.name;
  const account = canonicalAccount(other.account);
  const code = e.bankTxCode;
  const result: StatementEntry = {
    entryRef: e.ref,
    valueDate: isoDate(e.valueDate) ?? isoDate(e.bookingDate) ?? fallbackDate ?? '',
    bookingDate: isoDate(e.bookingDate),
    creditDebit: credit ? 'CREDIT' : 'DEBIT',
    reversal: e.reversal || undefined,
    status: e.status ? STATUSES.get(e.status) : undefined,
    amount: money(e.amount, e.xpath),
    transactionCode: code
      ? [code.domain, code.family, code.subFamily].filter(Boolean).join('/') || code.proprietaryCode
      : undefined,
    bankRef: e.accountServicerRef ?? tx?.refs.accountServicerRef,
    endToEndId:
      tx?.refs.endToEndId && tx.refs.endToEndId !== 'NOTPROVIDED' ? tx.refs.endToEndId : undefined,
    uetr: tx?.refs.uetr?.toLowerCase(),
    counterparty: name || account ? { name, account } : undefined,
    remittanceInfo: remittanceText(e),
  };
  if (!result.valueDate)
    throw isoMappingError('entry has neither a value nor a booking date', e.xpath);
  return Object.fromEntries(
    Object.entries(result).filter(([, v]) => v !== undefined),
  ) as StatementEntry;
}

function statement(doc: CamtDocument, s: CamtStatement, warnings: string[]): BankStatement {
  const account = canonicalAccount(s.account);
  if (!account) throw isoMappingError('account has neither IBAN nor other id', `${s.xpath}/Acct`);
  const balances = s.balances.flatMap((b, i) => balance(b, `${s.xpath}/Bal[${i + 1}]`, warnings));
  const result: BankStatement = {
    statementId: s.id,
    account,
    balances,
    entries: s.entries.map((e) =>
      entry(e, (s.createdAt ?? doc.groupHeader.createdAt)?.slice(0, 10)),
    ),
  };
  if (s.electronicSequence ?? s.legalSequence)
    result.sequenceNo = s.electronicSequence ?? s.legalSequence;
  const created = zonedDateTime(s.createdAt ?? doc.groupHeader.createdAt);
  if (created) result.createdAt = created;
  const from = s.period?.from?.slice(0, 10);
  const to = s.period?.to?.slice(0, 10);
  if (from) result.fromDate = from;
  if (to) result.toDate = to;
  // camt.052 reports and camt.054 notifications need not carry balances.
  if (doc.messageType !== 'camt.053') result.intraday = true;
  else if (!balances.length)
    throw isoMappingError('a statement needs its balances (Bal with OPBD/CLBD)', s.xpath);
  const check = balanceCheck(result);
  if (check) {
    result.balanceDifference = check.difference;
    warnings.push(`${s.xpath}: ${check.warning}`);
  }
  return result;
}

/** Every Stmt / Rpt / Ntfctn of a camt document as a BankStatement document. */
export function camtStatements(doc: CamtDocument, warnings: string[]) {
  return doc.statements.map((s) => {
    const payload = statement(doc, s, warnings);
    return {
      documentType: 'BankStatement',
      eventType: 'settlement.statement.received',
      payload,
      occurredAt: payload.createdAt,
    };
  });
}

/** camt.053 statements and camt.052 intraday reports -> one BankStatement per Stmt / Rpt. */
export const camtStatementMapping: InboundMapping<Iso20022Tree> = {
  id: 'iso20022-camt-statement',
  format: 'iso20022',
  messageTypes: ['camt.052', 'camt.053'],
  toCanonical(message): MappingResult {
    const doc = message.tree;
    if (doc.kind !== 'camt') throw isoMappingError('not a camt message', '/Document');
    const warnings: string[] = [];
    return { documents: camtStatements(doc, warnings), warnings };
  },
};
