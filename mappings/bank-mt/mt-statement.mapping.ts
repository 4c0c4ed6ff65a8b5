import Decimal from 'decimal.js';
import type {
  BankStatement,
  StatementEntry,
} from '../../core/model/documents/banking-payment.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import type { Balance, MtField, MtMessage, StatementLine } from '../codecs/swift-mt';
import { readOwnerInformation } from './mt-86';
import {
  accountFromText,
  fieldsOf,
  firstOf,
  parsedOf,
  requiredOf,
  mtMappingError,
} from './mt-read';
import { balanceCheck } from '../bank-statement/balance-check';

const BALANCE_TYPES: ReadonlyMap<string, BankStatement['balances'][number]['type']> = new Map([
  ['60F', 'OPENING'],
  ['60M', 'INTERIM_OPENING'],
  ['62F', 'CLOSING'],
  ['62M', 'INTERIM_CLOSING'],
  ['64', 'CLOSING_AVAILABLE'],
  ['65', 'FORWARD_AVAILABLE'],
]);

// :61: mark: RC is the reversal of a credit (so a debit), RD of a debit; EC/ED (MT942) expected.
const MARKS: ReadonlyMap<
  string,
  Pick<StatementEntry, 'creditDebit' | 'reversal' | 'status'>
> = new Map([
  ['C', { creditDebit: 'CREDIT' }],
  ['D', { creditDebit: 'DEBIT' }],
  ['RC', { creditDebit: 'DEBIT', reversal: true }],
  ['RD', { creditDebit: 'CREDIT', reversal: true }],
  ['EC', { creditDebit: 'CREDIT', status: 'PENDING' }],
  ['ED', { creditDebit: 'DEBIT', status: 'PENDING' }],
]);

function balances(msg: MtMessage): BankStatement['balances'] {
  return msg.fields.flatMap((field) => {
    const type = BALANCE_TYPES.get(field.tag);
    if (!type) return [];
    const b = parsedOf<Balance>(field);
    return [
      {
        type,
        creditDebit: b.mark === 'C' ? ('CREDIT' as const) : ('DEBIT' as const),
        amount: { amount: b.amount, currency: b.currency },
        date: b.date,
      },
    ];
  });
}

function entry(line: MtField, info: MtField | undefined, n: number, currency: string) {
  const l = parsedOf<StatementLine>(line);
  const mark = MARKS.get(l.mark);
  if (!mark) throw mtMappingError(`:61: mark '${l.mark}' is not C, D, RC, RD, EC or ED`, line);
  const owner = info ? readOwnerInformation(info.value) : {};
  const counterparty =
    owner.counterpartyName || owner.counterpartyAccount
      ? { name: owner.counterpartyName, account: owner.counterpartyAccount }
      : undefined;
  const result: StatementEntry = {
    entryRef: String(n),
    valueDate: l.valueDate,
    bookingDate: l.entryDate,
    ...mark,
    amount: { amount: l.amount, currency: currency },
    transactionCode: l.transactionType,
    accountOwnerRef: l.customerReference || undefined,
    bankRef: l.bankReference,
    endToEndId: owner.endToEndId,
    counterparty,
    remittanceInfo: owner.remittanceInfo,
    supplementaryDetails: l.supplementaryDetails,
  };
  return dropUndefined(result);
}

/** :61: lines, each with the :86: that follows it (before the next :61:). */
function entries(msg: MtMessage, currency: string): StatementEntry[] {
  const list: StatementEntry[] = [];
  msg.fields.forEach((field, i) => {
    if (field.tag !== '61') return;
    const next = msg.fields[i + 1];
    list.push(entry(field, next?.tag === '86' ? next : undefined, list.length + 1, currency));
  });
  return list;
}

function statementCurrency(msg: MtMessage, list: BankStatement['balances']): string {
  const floor = firstOf(msg, '34F');
  const currency =
    list[0]?.amount.currency ??
    (floor ? parsedOf<{ currency: string }>(floor).currency : undefined) ??
    accountFromText(requiredOf(msg, 'account', '25').value).currency;
  if (!currency) throw mtMappingError('no balance, floor limit or account names the currency');
  return currency;
}

// MT942 :90D:/:90C: state the number and sum of debit/credit entries: check them.
function summaryWarnings(msg: MtMessage, list: StatementEntry[]): string[] {
  return fieldsOf(msg, '90D', '90C').flatMap((field) => {
    const s = parsedOf<{ count: number; amount: string }>(field);
    const side = field.tag === '90C' ? 'CREDIT' : 'DEBIT';
    const own = list.filter((e) => e.creditDebit === side);
    const sum = own.reduce((acc, e) => acc.plus(e.amount.amount), new Decimal(0));
    return own.length === s.count && sum.eq(s.amount)
      ? []
      : [
          `:${field.tag}: states ${s.count} entries of ${s.amount}, the message has ${own.length} of ${sum.toFixed()}`,
        ];
  });
}

function toStatement(msg: MtMessage): { statement: BankStatement; warnings: string[] } {
  const ref = requiredOf(msg, 'transaction reference', '20');
  const number = firstOf(msg, '28C', '28');
  const seq = number
    ? parsedOf<{ statementNumber: string; sequenceNumber?: string }>(number)
    : undefined;
  const balanceList = balances(msg);
  const currency = statementCurrency(msg, balanceList);
  const list = entries(msg, currency);
  const intraday = msg.messageType === 'MT942';
  if (!intraday && balanceList.length === 0)
    throw mtMappingError('a statement needs its opening and closing balances (:60a:, :62a:)');
  const created = firstOf(msg, '13D');
  const statement: BankStatement = dropUndefined({
    statementId: ref.value,
    sequenceNo: seq && [seq.statementNumber, seq.sequenceNumber].filter(Boolean).join('/'),
    account: accountFromText(requiredOf(msg, 'account', '25').value),
    createdAt: created ? parsedOf<{ dateTime: string }>(created).dateTime : undefined,
    fromDate: balanceList.find((b) => b.type.endsWith('OPENING'))?.date,
    toDate: balanceList.find((b) => b.type.endsWith('CLOSING'))?.date,
    intraday: intraday || undefined,
    balances: balanceList,
    entries: list,
  });
  const check = balanceCheck(statement);
  if (check) statement.balanceDifference = check.difference;
  return {
    statement,
    warnings: [...(check ? [check.warning] : []), ...summaryWarnings(msg, list)],
  };
}

/** MT940 / MT950 customer and bank statements, MT942 interim reports -> BankStatement. */
export const mtStatementMapping: InboundMapping<MtMessage> = {
  id: 'swift-mt-statement',
  format: 'swift-mt',
  messageTypes: ['MT940', 'MT950', 'MT942'],
  toCanonical(message): MappingResult {
    const { statement, warnings } = toStatement(message.tree);
    return {
      documents: [
        {
          documentType: 'BankStatement',
          eventType: 'settlement.statement.received',
          payload: statement,
          occurredAt: statement.createdAt,
        },
      ],
      warnings,
    };
  },
};

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
