import type { MtMessage } from '../mt.types';
import * as credit from './credit.fields';
import type { FieldContext } from './field-context';
import * as pay from './payment.fields';
import * as st from './statement.fields';
import { ownEntry } from '../../../../core/collections';

export type FieldParser = (value: string, ctx: FieldContext) => unknown;

const repeat = (tags: string[], parser: FieldParser) =>
  Object.fromEntries(tags.map((t) => [t, parser])) as Record<string, FieldParser>;

const COMMON: Record<string, FieldParser> = {
  '20': st.reference,
  '21': st.reference,
  '23': st.reference,
  ...repeat(
    ['51A', '52A', '53A', '54A', '55A', '56A', '57A', '58A', '59A', '42A'],
    pay.institution,
  ),
  ...repeat(
    ['50', '50K', '51D', '52D', '53D', '56D', '57D', '58D', '59', '42D'],
    pay.nameAndAddress,
  ),
  '50F': pay.structuredParty,
  ...repeat(['32B', '33B', '34B', '71F'], pay.currencyAmount),
  '72': pay.narrative(6, 35),
  '72Z': pay.narrative(6, 35),
  '79': pay.narrative(35, 50),
};

const STATEMENT: Record<string, FieldParser> = {
  '25': st.account,
  '28': st.statementNumber,
  '28C': st.statementNumber,
  ...repeat(['60F', '60M', '62F', '62M', '64', '65'], st.balance),
  '61': st.statementLine,
  '86': st.ownerInformation,
  '34F': st.floorLimit,
  '13D': st.dateTimeIndication,
  ...repeat(['90D', '90C'], st.entriesSummary),
};

const PAYMENT: Record<string, FieldParser> = {
  '23B': (v, ctx) => pay.code(v, ctx, ['CRED', 'CRTS', 'SPAY', 'SPRI', 'SSTD']),
  '32A': pay.valueDateAmount,
  '70': pay.narrative(4, 35),
  '71A': pay.charges,
  '21R': st.reference,
  '21F': st.reference,
  '28D': pay.messageIndexTotal,
  '30': pay.executionDate,
  '50G': pay.accountAndBic,
  '50H': pay.accountNameAndAddress,
  '23E': pay.instructionCode,
  '77B': pay.narrative(3, 35),
  '25A': pay.slashAccount,
  '36': pay.exchangeRate,
};

const CREDIT: Record<string, FieldParser> = {
  '27': credit.sequenceOfTotal,
  '40A': credit.formOfCredit,
  '40B': credit.formOfCreditAdvised,
  '40E': credit.applicableRules,
  ...repeat(['31C', '30', '44C'], credit.date),
  '31D': credit.expiry,
  '39A': credit.tolerance,
  ...repeat(['41A', '41D'], credit.availableWith),
  '42C': credit.lines(3, 35),
  ...repeat(['43P', '43T'], credit.shipmentOption),
  ...repeat(['44A', '44B', '44E', '44F'], credit.lines(1, 140)),
  '44D': credit.lines(6, 65),
  ...repeat(['45A', '46A', '47A', '45B', '46B', '47B'], credit.lines(100, 65)),
  '71D': credit.lines(6, 35),
  '48': credit.presentationPeriod,
  '49': credit.confirmation,
  '26E': credit.amendmentNumber,
  '22A': credit.purpose,
};

const BY_CATEGORY: Record<string, Record<string, FieldParser>> = {
  '1': PAYMENT,
  '7': CREDIT,
  '9': STATEMENT,
};

/** The sub-field parser of `tag` in `messageType` (e.g. 'MT940'); undefined when unknown. */
export function fieldParser(tag: string, messageType?: string): FieldParser | undefined {
  const category = messageType?.charAt(2);
  const own = ownEntry(BY_CATEGORY, category);
  const of = (table: Record<string, FieldParser>) => ownEntry(table, tag);
  if (own) return of(own) ?? of(COMMON);
  return of(COMMON) ?? of(STATEMENT) ?? of(PAYMENT) ?? of(CREDIT);
}

/**
 * Parses the sub-fields of every known field into `parsed`; a format error throws a located
 * TradeError (stage 'validate'), tolerated deviations land in `msg.issues`.
 */
export function parseSubFields(msg: MtMessage): void {
  // One context per message, pointed at each field in turn.
  const ctx: FieldContext = {
    tag: '',
    line: 0,
    warn: (message) => msg.issues.push({ fieldTag: ctx.tag, line: ctx.line, message }),
  };
  for (const field of msg.fields) {
    const parser = fieldParser(field.tag, msg.messageType);
    if (!parser) continue;
    ctx.tag = field.tag;
    ctx.line = field.line;
    field.parsed = parser(field.value, ctx);
  }
}
