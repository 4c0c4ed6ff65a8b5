import { fail, match, swiftDate, textLines, type FieldContext } from './field-context';
import { institution, nameAndAddress } from './payment.fields';

// MT700 / MT707 / MT710 fields (SWIFT Category 7, documentary credits).

const FORMS_OF_CREDIT = [
  'IRREVOCABLE',
  'REVOCABLE',
  'IRREVOCABLE TRANSFERABLE',
  'REVOCABLE TRANSFERABLE',
  'IRREVOCABLE STANDBY',
  'REVOCABLE STANDBY',
  'IRREVOC TRANS STANDBY',
] as const;

function listed(ctx: FieldContext, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) ctx.warn(`'${value}' is not one of ${allowed.join(', ')}`);
}

/** 27: 1!n/1!n sequence of total. */
export function sequenceOfTotal(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d)\/(\d)$/, value, '1!n/1!n');
  if (m[1] > m[2] || m[1] === '0') fail(ctx, 'FIELD_FORMAT', `sequence ${value} is not n of total`);
  return { number: Number(m[1]), total: Number(m[2]) };
}

/** 40A: form of documentary credit. */
export function formOfCredit(value: string, ctx: FieldContext) {
  match(ctx, /^.{1,24}$/, value, '24x');
  listed(ctx, value, FORMS_OF_CREDIT);
  return { form: value };
}

/** 40B (MT710): 24x form of credit, 24x code (ADDING OUR CONFIRMATION / WITHOUT OUR CONFIRMATION). */
export function formOfCreditAdvised(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(.{1,24})\n(.{1,24})$/, value, '24x CRLF 24x');
  return { form: m[1], confirmation: m[2] };
}

/** 40E: applicable rules 30x[/35x]. */
export function applicableRules(value: string, ctx: FieldContext) {
  const m = match(ctx, /^([A-Z ]{1,30})(?:\/(.{1,35}))?$/, value, '30x[/35x]');
  listed(ctx, m[1], [
    'UCP LATEST VERSION',
    'EUCP LATEST VERSION',
    'UCPURR LATEST VERSION',
    'EUCPURR LATEST VERSION',
    'ISP LATEST VERSION',
    'OTHR',
  ]);
  if (m[1] === 'OTHR' && !m[2]) fail(ctx, 'FIELD_FORMAT', 'OTHR needs a narrative after /');
  return { rules: m[1], narrative: m[2] };
}

/** 31C, 30, 44C: 6!n date. */
export function date(value: string, ctx: FieldContext) {
  return { date: swiftDate(ctx, match(ctx, /^(\d{6})$/, value, '6!n')[1]) };
}

/** 31D: 6!n29x date and place of expiry. */
export function expiry(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d{6})(.{1,29})$/, value, '6!n29x');
  return { date: swiftDate(ctx, m[1]), place: m[2] };
}

/** 39A: 2n/2n percentage credit amount tolerance. */
export function tolerance(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d{1,2})\/(\d{1,2})$/, value, '2n/2n');
  return { plusPercent: Number(m[1]), minusPercent: Number(m[2]) };
}

const BY = [
  'BY PAYMENT',
  'BY ACCEPTANCE',
  'BY NEGOTIATION',
  'BY DEF PAYMENT',
  'BY MIXED PYMT',
] as const;

/** 41A (BIC) or 41D (name and address), last line 'BY ...'. */
export function availableWith(value: string, ctx: FieldContext) {
  const lines = value.split('\n');
  const by = lines.pop() as string;
  if (lines.length === 0)
    fail(ctx, 'FIELD_FORMAT', 'available-with party and BY line are both needed');
  listed(ctx, by, BY);
  const party =
    ctx.tag === '41A' ? institution(lines.join('\n'), ctx) : nameAndAddress(lines.join('\n'), ctx);
  return { party, by };
}

/** 43P, 43T: 11x ALLOWED / CONDITIONAL / NOT ALLOWED. */
export function shipmentOption(value: string, ctx: FieldContext) {
  match(ctx, /^.{1,11}$/, value, '11x');
  listed(ctx, value, ['ALLOWED', 'CONDITIONAL', 'NOT ALLOWED']);
  return { option: value };
}

/** 48: 3n[/35x] presentation period in days. */
export function presentationPeriod(value: string, ctx: FieldContext) {
  const m = match(ctx, /^(\d{1,3})(?:\/(.{1,35}))?$/, value, '3n[/35x]');
  return { days: Number(m[1]), narrative: m[2] };
}

/** 49: confirmation instructions. */
export function confirmation(value: string, ctx: FieldContext) {
  match(ctx, /^(CONFIRM|MAY ADD|WITHOUT)$/, value, 'CONFIRM, MAY ADD or WITHOUT');
  return { instruction: value };
}

/** 26E: 3n number of amendment. */
export function amendmentNumber(value: string, ctx: FieldContext) {
  return { number: Number(match(ctx, /^(\d{1,3})$/, value, '3n')[1]) };
}

/** 22A: 4!c purpose of message (MT707). */
export function purpose(value: string, ctx: FieldContext) {
  match(ctx, /^[A-Z0-9]{4}$/, value, '4!c');
  listed(ctx, value, ['ACNF', 'ADVI', 'ICCO', 'ISCO', 'ISSU']);
  return { purpose: value };
}

/** 45A/46A/47A (and B forms): up to 100 lines of 65x; 44D 6*65x; 42C 3*35x; 71D 6*35z. */
export function lines(maxLines: number, width: number) {
  return (value: string, ctx: FieldContext) => ({ lines: textLines(ctx, value, maxLines, width) });
}
