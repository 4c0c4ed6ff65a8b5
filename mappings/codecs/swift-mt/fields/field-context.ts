import { mtFieldError } from '../mt-error';

/** What a sub-field parser knows of its field, and how it reports. */
export interface FieldContext {
  tag: string;
  line: number;
  /** Records a tolerated deviation (the message still decodes). */
  warn(message: string): void;
}

export function fail(ctx: FieldContext, code: string, message: string): never {
  throw mtFieldError(code, message, ctx.tag, ctx.line);
}

/**
 * Matches `value` against `pattern` or fails with the field's expected format. Spaces that
 * pad a line to a fixed record width (DOS-PCC and some bank exports) are ignored with a
 * warning; nothing else is forgiven.
 */
export function match(ctx: FieldContext, pattern: RegExp, value: string, format: string) {
  const m = pattern.exec(value);
  if (m) return m;
  const unpadded = value.replace(/ +$/gm, '');
  const padded = unpadded !== value ? pattern.exec(unpadded) : null;
  if (!padded) fail(ctx, 'FIELD_FORMAT', `'${firstLine(value)}' does not match ${format}`);
  ctx.warn('trailing spaces after the value ignored');
  return padded;
}

export function firstLine(value: string): string {
  const nl = value.indexOf('\n');
  return nl === -1 ? value : value.slice(0, nl);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1];
}

/** SWIFT YY: 00-79 is 20YY, 80-99 is 19YY. */
export function fullYear(yy: string): number {
  const n = Number(yy);
  return n < 80 ? 2000 + n : 1900 + n;
}

/** YYMMDD -> ISO date, failing on impossible dates (30 February). */
export function swiftDate(ctx: FieldContext, yymmdd: string): string {
  if (!/^\d{6}$/.test(yymmdd)) fail(ctx, 'DATE', `'${yymmdd}' is not a date YYMMDD`);
  const year = fullYear(yymmdd.slice(0, 2));
  return isoDate(ctx, year, yymmdd.slice(2, 4), yymmdd.slice(4, 6));
}

/** MMDD of `year` -> ISO date. */
export function monthDay(ctx: FieldContext, mmdd: string, year: number): string {
  return isoDate(ctx, year, mmdd.slice(0, 2), mmdd.slice(2, 4));
}

function isoDate(ctx: FieldContext, year: number, mm: string, dd: string): string {
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    fail(ctx, 'DATE', `${year}-${mm}-${dd} is not a calendar date`);
  }
  return `${year}-${mm}-${dd}`;
}

const AMOUNT = /^\d+(,\d*)?$/;

/**
 * SWIFT amount (digits, decimal comma) -> decimal string with a dot, never a float, keeping
 * the decimals as sent: '1234,56' -> '1234.56', '300,00' -> '300.00', '9,' -> '9',
 * '000473,17' -> '473.17'.
 */
export function amount(ctx: FieldContext, raw: string): string {
  if (!AMOUNT.test(raw)) fail(ctx, 'AMOUNT', `'${raw}' is not an amount with decimal comma`);
  const comma = raw.indexOf(',');
  if (comma === -1) ctx.warn(`amount '${raw}' has no decimal comma`);
  // 15d: at most 15 characters, the decimal comma counted. Some banks (Rabobank) pad with
  // leading zeros past it: tolerated with a warning while the significant part fits.
  if (raw.length > 15) {
    if (raw.replace(/^0+(?=\d)/, '').length > 15)
      fail(ctx, 'AMOUNT', `'${raw}' is longer than 15d (comma included)`);
    ctx.warn(`amount '${raw}' is padded with leading zeros past 15d`);
  }
  const whole = comma === -1 ? raw : raw.slice(0, comma);
  const fraction = comma === -1 ? '' : raw.slice(comma + 1);
  let lead = 0;
  while (lead < whole.length - 1 && whole.charCodeAt(lead) === 0x30) lead++;
  const units = lead ? whole.slice(lead) : whole;
  return fraction ? `${units}.${fraction}` : units;
}

export function currency(ctx: FieldContext, raw: string): string {
  if (!/^[A-Z]{3}$/.test(raw)) fail(ctx, 'CURRENCY', `'${raw}' is not an ISO 4217 currency code`);
  return raw;
}

const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export function bic(ctx: FieldContext, raw: string): string {
  if (!BIC.test(raw)) fail(ctx, 'BIC', `'${raw}' is not a BIC`);
  return raw;
}

/** Free text lines, warning (not failing) when a bank sends longer or more lines. */
export function textLines(ctx: FieldContext, value: string, maxLines: number, width: number) {
  const lines = value.split('\n');
  if (lines.length > maxLines) ctx.warn(`${lines.length} lines, the format allows ${maxLines}`);
  lines.forEach((l, i) => {
    if (l.length > width)
      ctx.warn(`line ${i + 1} has ${l.length} characters, the format allows ${width}`);
  });
  return lines;
}
