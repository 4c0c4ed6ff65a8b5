import { TradeError } from '../../core/errors/trade-error';
import type { DecodedMessage, Detection, FormatId } from '../../core/translation/contract';
import type { EdifactMessage } from '../codecs/edifact';
import type { X12Message } from '../codecs/x12';
import { readFunctionalAck, type FunctionalAckResult } from '../x12-warehouse';
import { readAperak, type AperakResult } from './aperak.reader';
import { readContrl, type ContrlReport, type ContrlResult } from './contrl.reader';
import { readImplementationAck } from './x12-999.reader';
import { readTa1, ta1Note, type Ta1Result } from './x12-ta1.reader';
import { pushAll } from '../../core/collections';

/** The partner's verdict on one of our outbound messages, as its acknowledgement states it. */
export type AckVerdict = 'acknowledged' | 'rejected-by-partner';

/** A received acknowledgement, read: which of our messages it answers and what it says. */
export interface AckReceipt {
  ackType: '997' | '999' | 'TA1' | 'CONTRL' | 'APERAK';
  /** Format of the outbound message it answers. */
  format: FormatId;
  /**
   * The answered message's partner_ref: X12 AK102 (our GS06) or TA101 (our ISA13, the same
   * number in what we send), EDIFACT UCI 0020 (our UNB 0020); all are the `messageRef` the
   * outbound mappings render.
   */
  answersRef: string;
  verdict: AckVerdict;
  /** The partner's top-level code: AK901 (A, E, P, R ...), UCI 0083 (7, 4, 8), APERAK 1225/4343. */
  code: string;
  /** One line per reported error ('AK5 R 5 (940 0002)', 'UCS 4: 12'), empty when clean. */
  errors: string[];
  /** The whole reading, for the history's detail. */
  report: FunctionalAckResult | Ta1Result | ContrlResult | AperakResult;
}

// Acknowledgements TradeHub reads back: syntax (997, 999, TA1, CONTRL) and application
// (APERAK). The X12 codec gives each TA1 (an interchange-level segment) as a message of its own.
const READABLE: Partial<Record<FormatId, readonly string[]>> = {
  x12: ['997', '999', 'TA1'],
  edifact: ['CONTRL', 'APERAK'],
};

/** True when the detected message is an acknowledgement TradeHub reads instead of mapping. */
export function isReadableAcknowledgement(
  detection: Pick<Detection, 'format' | 'messageType'> | null | undefined,
): boolean {
  const type = detection?.messageType;
  return type !== undefined && (READABLE[detection!.format] ?? []).includes(type);
}

// GS06 and ISA13 are numeric: a partner padding them with zeros still means our messageRef.
const unpadded = (ref: string) => (/^\d+$/.test(ref) ? String(Number(ref)) : ref);

const joined = (codes: string[]) => (codes.length ? ` ${codes.join(',')}` : '');
const at = (segment?: string) => (segment ? ` in ${segment}` : '');

function fromFunctionalAck(ack: FunctionalAckResult, ackType: '997' | '999' = '997'): AckReceipt {
  const tag = ackType === '999' ? 'IK' : 'AK';
  const errors: string[] = [];
  if (!ack.accepted || ack.errorCodes.length)
    errors.push(`AK9 ${ack.code}${joined(ack.errorCodes)}`);
  for (const set of ack.setResults) {
    const name = `(${set.setId} ${set.controlNumber})`;
    if (set.code !== 'A' || set.errorCodes.length)
      errors.push(`${tag}5 ${set.code}${joined(set.errorCodes)} ${name}`);
    for (const s of set.segmentErrors) {
      errors.push(`${tag}3 ${s.segmentId} at ${s.position}${s.code ? `: ${s.code}` : ''} ${name}`);
      for (const e of s.elements)
        errors.push(`${tag}4 ${e.position}${e.elementRef ? ` (${e.elementRef})` : ''}: ${e.code}`);
    }
  }
  return {
    ackType,
    format: 'x12',
    answersRef: unpadded(ack.groupControlNumber),
    verdict: ack.accepted ? 'acknowledged' : 'rejected-by-partner',
    code: ack.code,
    errors,
    report: ack,
  };
}

function fromTa1(ta1: Ta1Result): AckReceipt {
  const noted = ta1.noteCode !== '' && ta1.noteCode !== '000';
  return {
    ackType: 'TA1',
    format: 'x12',
    answersRef: unpadded(ta1.interchangeControlNumber),
    verdict: ta1.accepted ? 'acknowledged' : 'rejected-by-partner',
    code: ta1.code,
    errors: noted ? [`TA1 ${ta1.code} ${ta1Note(ta1.noteCode)}`] : [],
    report: ta1,
  };
}

function reportErrors(tag: 'UCF' | 'UCM', r: ContrlReport): string[] {
  const name = r.messageType ? `${r.ref} ${r.messageType}` : r.ref;
  const out: string[] = [];
  if (!r.accepted || r.code)
    out.push(`${tag} ${name} ${r.action}${r.code ? `: ${r.code}` : ''}${at(r.serviceSegment)}`);
  for (const s of r.segmentErrors) {
    out.push(`UCS ${s.position}${s.code ? `: ${s.code}` : ''}`);
    for (const e of s.elements) out.push(`UCD ${e.position ?? '?'}: ${e.code}`);
  }
  return out;
}

function fromContrl(contrl: ContrlResult): AckReceipt {
  const errors: string[] = [];
  if (contrl.action === '4' || contrl.code)
    errors.push(
      `UCI ${contrl.action}${contrl.code ? `: ${contrl.code}` : ''}${at(contrl.serviceSegment)}`,
    );
  for (const g of contrl.groups) pushAll(errors, reportErrors('UCF', g));
  for (const m of contrl.messages) pushAll(errors, reportErrors('UCM', m));
  return {
    ackType: 'CONTRL',
    format: 'edifact',
    answersRef: contrl.interchangeRef,
    verdict: contrl.accepted ? 'acknowledged' : 'rejected-by-partner',
    code: contrl.action,
    errors,
    report: contrl,
  };
}

function fromAperak(aperak: AperakResult): AckReceipt {
  const code = [aperak.function, aperak.responseType].filter(Boolean).join('/') || '-';
  return {
    ackType: 'APERAK',
    format: 'edifact',
    answersRef: aperak.answersRef,
    verdict: aperak.accepted ? 'acknowledged' : 'rejected-by-partner',
    code,
    errors: aperak.errors.map((e) => `ERC ${e.code}${e.text ? `: ${e.text}` : ''}`),
    report: aperak,
  };
}

/**
 * Reads one decoded acknowledgement (an X12 997 set, an EDIFACT CONTRL or APERAK message). Throws a
 * located TradeError when it is no readable acknowledgement or its content is incomplete.
 */
export function readAckReceipt(message: DecodedMessage): AckReceipt {
  const { format, messageType } = message.detection;
  if (format === 'x12' && messageType === '997')
    return fromFunctionalAck(readFunctionalAck(message as DecodedMessage<X12Message>));
  if (format === 'x12' && messageType === '999')
    return fromFunctionalAck(readImplementationAck(message as DecodedMessage<X12Message>), '999');
  if (format === 'x12' && messageType === 'TA1')
    return fromTa1(readTa1(message as DecodedMessage<X12Message>));
  if (format === 'edifact' && messageType === 'CONTRL')
    return fromContrl(readContrl(message as DecodedMessage<EdifactMessage>));
  if (format === 'edifact' && messageType === 'APERAK')
    return fromAperak(readAperak(message as DecodedMessage<EdifactMessage>));
  throw new TradeError(
    'mapping',
    `${format} ${messageType ?? '(unknown type)'} next to acknowledgements: send it in its own interchange`,
    { stage: 'map', code: 'ACK_MIXED' },
  );
}

/** The reason written into the answered message's history. */
export function ackReason(receipt: AckReceipt): string {
  const head = `${receipt.ackType} ${receipt.verdict === 'acknowledged' ? 'accepted' : 'rejected'} (${receipt.code})`;
  return receipt.errors.length ? `${head}: ${receipt.errors.join('; ')}` : head;
}
