import type { LcAmendment } from '../../core/model/documents/banking-lc.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import type { MtField, MtMessage } from '../codecs/swift-mt';
import { creditTerms, senderBank, textOf } from './mt-credit-terms';
import { partyOf } from './mt-party';
import { firstOf, mtMappingError, parsedOf, requiredOf } from './mt-read';

type NarrativeChange = NonNullable<LcAmendment['changes']['documentsRequired']>[number];

const ACTIONS: ReadonlyMap<string, NarrativeChange['action']> = new Map([
  ['ADD', 'ADD'],
  ['DELETE', 'DELETE'],
  ['REPALL', 'REPLACE_ALL'],
]);

/** 45B/46B/47B: lines opened by /ADD/, /DELETE/ or /REPALL/, continued on the lines after. */
function narrativeChanges(field: MtField | undefined): NarrativeChange[] | undefined {
  if (!field) return undefined;
  const changes: NarrativeChange[] = [];
  for (const line of (textOf(field) ?? '').split('\n')) {
    const m = /^\/(ADD|DELETE|REPALL)\/(.*)$/.exec(line);
    if (m) changes.push({ action: ACTIONS.get(m[1])!, text: m[2].replace(/^\+/, '').trim() });
    else if (changes.length) changes[changes.length - 1].text += ` ${line.trim()}`;
    else
      throw mtMappingError(
        `:${field.tag}: line must start with /ADD/, /DELETE/ or /REPALL/`,
        field,
      );
  }
  return changes.filter((c) => c.text || c.action === 'DELETE');
}

function amount(field: MtField | undefined) {
  if (!field) return undefined;
  const a = parsedOf<{ currency: string; amount: string }>(field);
  return { amount: a.amount, currency: a.currency };
}

/** MT707 amendment to a documentary credit -> LcAmendment (only what changes). */
export const mt707Mapping: InboundMapping<MtMessage> = {
  id: 'swift-mt707-amendment',
  format: 'swift-mt',
  messageTypes: ['MT707'],
  toCanonical(message): MappingResult {
    const msg = message.tree;
    const number = firstOf(msg, '26E');
    const date = firstOf(msg, '30');
    if (!number || !date) throw mtMappingError('MT707 needs :26E: and :30:');
    const amendment: LcAmendment = {
      lcNo: requiredOf(msg, 'documentary credit number', '20').value,
      amendmentNo: parsedOf<{ number: number }>(number).number,
      amendmentDate: parsedOf<{ date: string }>(date).date,
      changes: {
        ...creditTerms(msg),
        ...compact({
          amountIncrease: amount(firstOf(msg, '32B')),
          amountDecrease: amount(firstOf(msg, '33B')),
          goodsDescription: narrativeChanges(firstOf(msg, '45B')),
          documentsRequired: narrativeChanges(firstOf(msg, '46B')),
          additionalConditions: narrativeChanges(firstOf(msg, '47B')),
        }),
      },
    };
    const optional = compact({
      receiverRef: firstOf(msg, '21')?.value,
      issueDate: ((f) => f && parsedOf<{ date: string }>(f).date)(firstOf(msg, '31C')),
      issuingBank: partyOf(firstOf(msg, '52A', '52D')).party ?? senderBank(msg),
      purpose: firstOf(msg, '22A')?.value,
      cancellationRequest: firstOf(msg, '23S') ? true : undefined,
    });
    Object.assign(amendment, optional);
    return {
      documents: [
        {
          documentType: 'LcAmendment',
          eventType: 'settlement.lc.amended',
          payload: amendment,
          occurredAt: `${amendment.amendmentDate}T00:00:00Z`,
        },
      ],
      warnings: [],
    };
  },
};

function compact<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
