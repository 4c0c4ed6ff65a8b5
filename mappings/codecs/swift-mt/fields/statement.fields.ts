import {
  amount,
  currency,
  fail,
  firstLine,
  fullYear,
  match,
  monthDay,
  swiftDate,
  textLines,
  type FieldContext,
} from './field-context';

// MT940/MT942/MT950 fields (SWIFT Category 9 usage rules).

export interface Balance {
  mark: 'C' | 'D';
  date: string;
  currency: string;
  amount: string;
}

/** 60F/60M/62F/62M/64/65: 1!a6!n3!a15d. */
export function balance(value: string, ctx: FieldContext): Balance {
  const m = match(ctx, /^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$/, value, '1!a6!n3!a15d');
  return {
    mark: m[1] as 'C' | 'D',
    date: swiftDate(ctx, m[2]),
    currency: currency(ctx, m[3]),
    amount: amount(ctx, m[4]),
  };
}

/** 28C (and the older 28): 5n[/5n] statement and sequence number. */
export function statementNumber(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d{1,5})(?:\/(\d{1,5}))?$/, value, '5n[/5n]');
  return { statementNumber: m[1], sequenceNumber: m[2] };
}

export interface StatementLine {
  valueDate: string;
  entryDate?: string;
  /** C credit, D debit, RC reversal of credit, RD reversal of debit (EC/ED expected, MT942). */
  mark: string;
  fundsCode?: string;
  amount: string;
  /** Transaction type (N, F, S) + identification code, e.g. 'NTRF', 'S103'. */
  transactionType: string;
  customerReference: string;
  bankReference?: string;
  supplementaryDetails?: string;
}

const LINE_61 = /^(\d{6})(\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,]*)([A-Z][A-Z0-9]{3})(.*)$/;

/**
 * 61: 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x][34x]. The entry date has no year: it is the value
 * date's year, or the year before when booked in December for a January value date.
 */
export function statementLine(value: string, ctx: FieldContext): StatementLine {
  const [head, ...rest] = value.split('\n');
  const m = match(ctx, LINE_61, head, '6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]');
  const valueDate = swiftDate(ctx, m[1]);
  // The account owner's reference runs up to '//', after which comes the bank's reference.
  const slashes = m[7].indexOf('//');
  const reference = slashes === -1 ? m[7] : m[7].slice(0, slashes);
  const line: StatementLine = {
    valueDate,
    mark: m[3],
    amount: amount(ctx, m[5]),
    transactionType: m[6],
    customerReference: reference,
  };
  if (m[2]) line.entryDate = monthDay(ctx, m[2], entryYear(m[1], m[2]));
  if (m[4]) line.fundsCode = m[4];
  if (slashes !== -1) line.bankReference = m[7].slice(slashes + 2);
  if (rest.length) line.supplementaryDetails = rest.join('\n');
  if (!/^[NFS]/.test(m[6])) ctx.warn(`transaction type '${m[6]}' does not start with N, F or S`);
  if (reference === '') ctx.warn('customer reference is missing (NONREF when none)');
  if (reference.length > 16)
    ctx.warn(`customer reference has ${reference.length} characters, 16x allowed`);
  if (line.bankReference && line.bankReference.length > 16) ctx.warn('bank reference over 16x');
  if (line.supplementaryDetails && line.supplementaryDetails.length > 34)
    ctx.warn('supplementary details over 34x');
  return line;
}

function entryYear(valueDate: string, entry: string): number {
  const year = fullYear(valueDate.slice(0, 2));
  const valueMonth = valueDate.slice(2, 4);
  if (valueMonth === '01' && entry.startsWith('12')) return year - 1;
  if (valueMonth === '12' && entry.startsWith('01')) return year + 1;
  return year;
}

/** 86: information to account owner, 6*65x, kept as raw text (structured ?20/EREF included). */
export function ownerInformation(value: string, ctx: FieldContext) {
  textLines(ctx, value, 6, 65);
  return { text: value };
}

/** 34F: 3!a[1!a]15d floor limit (MT942). */
export function floorLimit(value: string, ctx: FieldContext) {
  const m = match(ctx, /^([A-Z]{3})([DC])?(\d[\d,]*)$/, value, '3!a[1!a]15d');
  return { currency: currency(ctx, m[1]), mark: m[2], amount: amount(ctx, m[3]) };
}

/** 13D: 6!n4!n1!x4!n date, time and UTC offset -> ISO 8601 with zone. */
export function dateTimeIndication(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d{6})(\d{2})(\d{2})([+-])(\d{2})(\d{2})$/, value, '6!n4!n1!x4!n');
  const date = swiftDate(ctx, m[1]);
  if (Number(m[2]) > 23 || Number(m[3]) > 59) fail(ctx, 'TIME', `'${m[2]}${m[3]}' is not a time`);
  return { dateTime: `${date}T${m[2]}:${m[3]}:00${m[4]}${m[5]}:${m[6]}` };
}

/** 90D/90C: 5n3!a15d number and sum of entries (MT942). */
export function entriesSummary(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d{1,5})([A-Z]{3})(\d[\d,]*)$/, value, '5n3!a15d');
  return { count: Number(m[1]), currency: currency(ctx, m[2]), amount: amount(ctx, m[3]) };
}

/** 20, 21 and other 16x references. */
export function reference(value: string, ctx: FieldContext) {
  if (value === '' || value.includes('\n'))
    fail(ctx, 'FIELD_FORMAT', 'reference must be one line of 16x');
  if (value.length > 16) ctx.warn(`reference '${value}' over 16x`);
  if (value.startsWith('/') || value.endsWith('/') || value.includes('//')) {
    ctx.warn(`reference '${firstLine(value)}' starts/ends with '/' or holds '//'`);
  }
  return { reference: value };
}

/** 25: 35x account identification. */
export function account(value: string, ctx: FieldContext) {
  if (value === '') fail(ctx, 'FIELD_FORMAT', 'account identification is empty');
  textLines(ctx, value, 1, 35);
  return { account: value };
}
