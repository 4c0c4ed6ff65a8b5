import {
  amount,
  bic,
  currency,
  fail,
  match,
  swiftDate,
  textLines,
  type FieldContext,
} from './field-context';

// MT103 and shared party fields (SWIFT Category 1 usage rules).

/** 32A: 6!n3!a15d value date, currency, interbank settled amount. */
export function valueDateAmount(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d{6})([A-Z]{3})(\d[\d,]*)$/, value, '6!n3!a15d');
  return {
    valueDate: swiftDate(ctx, m[1]),
    currency: currency(ctx, m[2]),
    amount: amount(ctx, m[3]),
  };
}

/** 32B, 33B, 34B, 71F: 3!a15d currency and amount. */
export function currencyAmount(value: string, ctx: FieldContext) {
  const m = match(ctx, /^([A-Z]{3})(\d[\d,]*)$/, value, '3!a15d');
  return { currency: currency(ctx, m[1]), amount: amount(ctx, m[2]) };
}

/** 23B and other 4!c codes, optionally checked against a list. */
export function code(value: string, ctx: FieldContext, allowed?: readonly string[]) {
  match(ctx, /^[A-Z0-9]{4}$/, value, '4!c');
  if (allowed && !allowed.includes(value))
    ctx.warn(`code '${value}' is not one of ${allowed.join(', ')}`);
  return { code: value };
}

/** 71A: details of charges. */
export function charges(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(OUR|SHA|BEN)$/, value, 'OUR, SHA or BEN');
  return { code: m[1] };
}

/** Party with an optional first line /account (50K, 59, 52D ...): [/34x] 4*35x. */
export function nameAndAddress(value: string, ctx: FieldContext) {
  const lines = value.split('\n');
  const account = lines[0].startsWith('/') ? (lines.shift() as string).slice(1) : undefined;
  if (account !== undefined && account.length > 34) ctx.warn('account over 34x');
  if (lines.length === 0) fail(ctx, 'FIELD_FORMAT', 'name and address lines are missing');
  textLines(ctx, lines.join('\n'), 4, 35);
  return { account, nameAndAddress: lines };
}

/** Option A institutions (52A, 53A, 57A, 59A ...): [/1!a][/34x] then a BIC line. */
export function institution(value: string, ctx: FieldContext) {
  const lines = value.split('\n');
  const party = lines.length > 1 ? lines.shift() : undefined;
  if (party !== undefined && !party.startsWith('/'))
    fail(ctx, 'FIELD_FORMAT', 'party identifier must start with /');
  if (lines.length !== 1) fail(ctx, 'FIELD_FORMAT', 'option A holds one BIC line');
  return { partyIdentifier: party?.slice(1), bic: bic(ctx, lines[0]) };
}

/** 50F: party identifier line, then numbered lines '1/NAME', '2/ADDRESS', '3/CC/TOWN' ... */
export function structuredParty(value: string, ctx: FieldContext) {
  const [identifier, ...rest] = value.split('\n');
  if (!identifier) fail(ctx, 'FIELD_FORMAT', 'party identifier line is missing');
  const details = rest.map((line) => {
    const m = match(ctx, /^([1-8])\/(.{1,33})$/, line, '1!n/33x');
    return { number: Number(m[1]), text: m[2] };
  });
  return { partyIdentifier: identifier, details };
}

/** 70, 72, 79 and other free text. */
export function narrative(maxLines: number, width: number) {
  return (value: string, ctx: FieldContext) => ({ lines: textLines(ctx, value, maxLines, width) });
}

// MT101 request for transfer (SWIFT Category 1, MT 101 format specifications).

/** 28D: 5n/5n message index and total, the index within the total. */
export function messageIndexTotal(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d{1,5})\/(\d{1,5})$/, value, '5n/5n');
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (index < 1 || index > total)
    fail(ctx, 'FIELD_FORMAT', `index ${index} is not within 1..${total}`);
  return { index, total };
}

/** 30: 6!n requested execution date. */
export function executionDate(value: string, ctx: FieldContext) {
  return { date: swiftDate(ctx, match(ctx, /^(\d{6})$/, value, '6!n')[1]) };
}

/** 50G: /34x account, then the ordering customer's BIC. */
export function accountAndBic(value: string, ctx: FieldContext) {
  const m = match(ctx, /^\/(.{1,34})\n(.+)$/, value, '/34x then 4!a2!a2!c[3!c]');
  return { account: m[1], bic: bic(ctx, m[2]) };
}

/** 50H: /34x account (mandatory), then 4*35x name and address. */
export function accountNameAndAddress(value: string, ctx: FieldContext) {
  const m = match(ctx, /^\/(.{1,34})\n([^]+)$/, value, '/34x then 4*35x');
  return { account: m[1], nameAndAddress: textLines(ctx, m[2], 4, 35) };
}

/** 23E: 4!c[/30x] instruction code with optional additional information. */
export function instructionCode(value: string, ctx: FieldContext) {
  const m = match(ctx, /^([A-Z0-9]{4})(?:\/(.{1,30}))?$/, value, '4!c[/30x]');
  return { code: m[1], information: m[2] };
}

/** 25A: /34x charges account. */
export function slashAccount(value: string, ctx: FieldContext) {
  return { account: match(ctx, /^\/(.{1,34})$/, value, '/34x')[1] };
}

/** 36: 12d exchange rate. */
export function exchangeRate(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d[\d,]*)$/, value, '12d');
  if (value.length > 12) fail(ctx, 'AMOUNT', `'${value}' is longer than 12d (comma included)`);
  return { rate: amount(ctx, m[1]) };
}
