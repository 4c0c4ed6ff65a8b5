import type { LetterOfCredit } from '../../core/model/documents/banking-lc.schema';
import type { Party } from '../../core/model/values/party.schema';
import type { MtField, MtMessage } from '../codecs/swift-mt';
import { partyOf } from './mt-party';
import { firstOf, mtMappingError, parsedOf } from './mt-read';

/** The terms an MT707 may change too (see the `terms` of banking-lc.schema.ts). */
type Terms = Partial<
  Omit<
    LetterOfCredit,
    | 'lcNo'
    | 'preAdviceRef'
    | 'issueDate'
    | 'issuingBank'
    | 'applicantBank'
    | 'advisingBank'
    | 'goodsDescription'
    | 'documentsRequired'
    | 'additionalConditions'
    | 'contractNo'
  >
>;
type Lines = { lines: string[] };

const AVAILABLE_BY: ReadonlyMap<string, LetterOfCredit['availableBy']> = new Map([
  ['BY PAYMENT', 'PAYMENT'],
  ['BY ACCEPTANCE', 'ACCEPTANCE'],
  ['BY NEGOTIATION', 'NEGOTIATION'],
  ['BY DEF PAYMENT', 'DEF_PAYMENT'],
  ['BY MIXED PYMT', 'MIXED_PAYMENT'],
]);

const SHIPMENT: ReadonlyMap<string, NonNullable<LetterOfCredit['partialShipments']>> = new Map([
  ['ALLOWED', 'ALLOWED'],
  ['CONDITIONAL', 'CONDITIONAL'],
  ['NOT ALLOWED', 'NOT_ALLOWED'],
]);

const CONFIRMATION: ReadonlyMap<string, LetterOfCredit['confirmation']> = new Map([
  ['CONFIRM', 'CONFIRM'],
  ['MAY ADD', 'MAY_ADD'],
  ['WITHOUT', 'WITHOUT'],
]);

/** Narrative text of a field: its parsed lines, or the raw value for tags the codec keeps as is. */
export function textOf(field: MtField | undefined): string | undefined {
  if (!field) return undefined;
  const parsed = field.parsed as Partial<Lines> | undefined;
  return parsed?.lines ? parsed.lines.join('\n') : field.value;
}

/** 46A / 47A: one entry per '+' item (continuation lines joined to their item). */
export function items(field: MtField | undefined): string[] | undefined {
  if (!field) return undefined;
  const list: string[] = [];
  for (const line of (textOf(field) ?? '').split('\n')) {
    if (line.startsWith('+') || list.length === 0) list.push(line.replace(/^\+/, '').trim());
    else list[list.length - 1] += ` ${line.trim()}`;
  }
  return list.filter(Boolean);
}

function bankParty(field: MtField | undefined): Party | undefined {
  return partyOf(field).party;
}

function lookup<T>(table: ReadonlyMap<string, T>, field: MtField, value: string): T {
  const found = table.get(value);
  if (found === undefined)
    throw mtMappingError(`:${field.tag}: '${value}' is not a known code`, field);
  return found;
}

/** The fields MT700, MT710 and MT707 share, each read only when present. */
export function creditTerms(msg: MtMessage): Terms {
  const terms: Terms = {};
  const f = (...tags: string[]) => firstOf(msg, ...tags);
  const form = f('40A', '40B');
  if (form) terms.formOfCredit = parsedOf<{ form: string }>(form).form;
  const rules = f('40E');
  if (rules) terms.applicableRules = parsedOf<{ rules: string }>(rules).rules;
  const expiry = f('31D');
  if (expiry) {
    const e = parsedOf<{ date: string; place: string }>(expiry);
    terms.expiryDate = e.date;
    terms.expiryPlace = e.place.trim();
  }
  const applicant = partyOf(f('50')).party;
  if (applicant) terms.applicant = applicant;
  const beneficiary = partyOf(f('59')).party;
  if (beneficiary) terms.beneficiary = beneficiary;
  const amount = f('32B');
  if (amount && msg.messageType !== 'MT707') {
    const a = parsedOf<{ currency: string; amount: string }>(amount);
    terms.amount = { amount: a.amount, currency: a.currency };
  }
  const tolerance = f('39A');
  if (tolerance)
    terms.tolerance = parsedOf<{ plusPercent: number; minusPercent: number }>(tolerance);
  const available = f('41A', '41D');
  if (available) {
    const a = parsedOf<{ party: { bic?: string; nameAndAddress?: string[] }; by: string }>(
      available,
    );
    terms.availableWith = a.party.bic ?? a.party.nameAndAddress?.join(' ') ?? '';
    terms.availableBy = lookup(AVAILABLE_BY, available, a.by);
  }
  const drafts = textOf(f('42C'));
  if (drafts) terms.draftsAt = drafts;
  const drawee = f('42A', '42D');
  if (drawee) terms.drawee = bankParty(drawee)?.name;
  for (const [tag, key] of [
    ['43P', 'partialShipments'],
    ['43T', 'transhipment'],
  ] as const) {
    const field = f(tag);
    if (field) terms[key] = lookup(SHIPMENT, field, parsedOf<{ option: string }>(field).option);
  }
  for (const [tag, key] of [
    ['44A', 'placeOfReceipt'],
    ['44E', 'portOfLoading'],
    ['44F', 'portOfDischarge'],
    ['44B', 'finalDestination'],
    ['44D', 'shipmentPeriod'],
    ['71D', 'charges'],
    ['78', 'instructionsToBank'],
    ['72Z', 'senderToReceiverInfo'],
  ] as const) {
    const value = textOf(f(tag));
    if (value) terms[key] = value;
  }
  const latest = f('44C');
  if (latest) terms.latestShipmentDate = parsedOf<{ date: string }>(latest).date;
  const period = f('48');
  if (period) {
    const p = parsedOf<{ days: number; narrative?: string }>(period);
    terms.presentationPeriodDays = p.days;
    if (p.narrative) terms.presentationPeriodNarrative = p.narrative;
  }
  const confirm = f('49');
  if (confirm)
    terms.confirmation = lookup(
      CONFIRMATION,
      confirm,
      parsedOf<{ instruction: string }>(confirm).instruction,
    );
  return terms;
}

/** The bank that sent the message: block 2's MIR on output, block 1's terminal on input. */
export function senderBank(msg: MtMessage): Party | undefined {
  const terminal =
    msg.block2?.direction === 'O' ? msg.block2.counterpartAddress : msg.block1?.logicalTerminal;
  if (!terminal || terminal.length < 12) return undefined;
  const branch = terminal.slice(9, 12);
  const bic = terminal.slice(0, 8) + (branch === 'XXX' ? '' : branch);
  return { name: bic, identifiers: [{ scheme: 'BIC', value: bic }] };
}
