import type { InputLocation } from '../../../core/errors/trade-error';
import { edifactError, SyntaxErrorCode } from './edifact.errors';
import type { FunctionalGroupHeader, InterchangeHeader } from './message.model';
import type { EdifactSegment } from './segment.model';
import type { Separators } from './separators.syntax';

/** Reads the service segments UNB, UNG and UNH into headers (ISO 9735 part 1 annex, v3/v4). */
export function readUnb(
  unb: EdifactSegment,
  ctx: { charset: string; separators: Separators; una: boolean; timeZone: string },
): InterchangeHeader {
  const syntaxId = unb.get(0, 0);
  const controlRef = unb.get(4);
  if (!syntaxId || !unb.get(1) || !unb.get(2) || !controlRef) {
    throw edifactError(
      'UNB lacks syntax identifier, sender, recipient or control reference',
      unb.location(),
      SyntaxErrorCode.missing,
    );
  }
  const preparedDate = unb.get(3, 0) ?? '';
  const preparedTime = unb.get(3, 1) ?? '';
  return {
    syntaxId,
    syntaxVersion: unb.get(0, 1) ?? '',
    charset: ctx.charset,
    separators: ctx.separators,
    una: ctx.una,
    senderId: unb.require(1, 0),
    senderQualifier: unb.get(1, 1),
    recipientId: unb.require(2, 0),
    recipientQualifier: unb.get(2, 1),
    preparedDate,
    preparedTime,
    preparedAt: toIsoDateTime(preparedDate, preparedTime, ctx.timeZone),
    controlRef,
    applicationRef: unb.get(6),
    testIndicator: unb.get(10),
    unb,
    warnings: [],
  };
}

export function readUng(ung: EdifactSegment): FunctionalGroupHeader {
  return {
    groupId: ung.get(0) ?? '',
    senderId: ung.get(1),
    recipientId: ung.get(2),
    controlRef: ung.get(4) ?? '',
    ung,
  };
}

/** UNH S009: type, version, release, agency, association code. */
export function readUnh(unh: EdifactSegment): {
  messageRef: string;
  messageType: string;
  version: string;
  agency?: string;
  associationCode?: string;
} {
  const messageRef = unh.get(0);
  const messageType = unh.get(1, 0);
  if (!messageRef || !messageType) {
    throw edifactError(
      'UNH lacks message reference or message type',
      unh.location(),
      SyntaxErrorCode.missing,
      { element: messageRef ? 2 : 1, component: 1 },
    );
  }
  const versionNo = unh.get(1, 1) ?? '';
  const release = unh.get(1, 2) ?? '';
  return {
    messageRef,
    messageType,
    version: release ? `${versionNo}.${release}` : versionNo,
    agency: unh.get(1, 3),
    associationCode: unh.get(1, 4),
  };
}

/**
 * YYMMDD (v3) or CCYYMMDD (v4) plus HHMM to ISO 8601. Two-digit years pivot at 70 (70-99 ->
 * 19xx). Returns undefined for values that are not a real date rather than failing the message.
 */
export function toIsoDateTime(date: string, time: string, zone = 'Z'): string | undefined {
  const d = /^(\d{2})?(\d{2})(\d{2})(\d{2})$/.exec(date);
  const t = /^(\d{2})(\d{2})$/.exec(time || '0000');
  if (!d || !t) return undefined;
  const yy = Number(d[2]);
  const year = d[1] ? `${d[1]}${d[2]}` : String(yy < 70 ? 2000 + yy : 1900 + yy);
  const [month, day, hour, minute] = [Number(d[3]), Number(d[4]), Number(t[1]), Number(t[2])];
  const probe = new Date(Date.UTC(Number(year), month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59) return undefined;
  return `${year}-${d[3]}-${d[4]}T${t[1]}:${t[2]}:00${zone}`;
}

/** A count/reference check: throws (strict) or records a warning (lenient). */
export function check(
  ok: boolean,
  message: string,
  location: InputLocation,
  code: SyntaxErrorCode,
  warnings: string[] | null,
  element?: number,
): void {
  if (ok) return;
  if (warnings === null) {
    throw edifactError(message, location, code, element ? { element } : undefined);
  }
  warnings.push(
    `${message} (segment ${location.segmentIndex} ${location.segmentTag ?? ''})`.trim(),
  );
}
