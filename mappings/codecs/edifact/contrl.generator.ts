import { TradeError } from '../../../core/errors/trade-error';
import { byteLengthFn, decodeBytes } from './charset.syntax';
import { EdifactSyntaxError, SyntaxErrorCode } from './edifact.errors';
import { parseEdifact } from './edifact.parser';
import type { SegmentDraft } from './edifact.serializer';
import { buildInterchange, type MessageDraft } from './interchange.builder';
import type { EdifactMessage } from './message.model';
import { SegmentScanner } from './segment.scanner';
import type { EdifactSegment } from './segment.model';
import { sniffSyntaxId } from './syntax.sniffer';

export interface ContrlOptions {
  /** Control reference of the CONTRL interchange we send. */
  controlRef: string;
  preparedAt: Date;
  /** Also acknowledge each accepted message with a UCM (default true). */
  reportMessages?: boolean;
}

/** What was received: its UNB, and for a failure the UNH of the message the error sits in. */
interface Received {
  unb: EdifactSegment;
  unh?: EdifactSegment;
}

/**
 * The one CONTRL builder (ISO 9735 part 1 annex): `buildContrl` answers the syntax of a
 * received interchange, `contrlRejectingContent` a mapping failure in a sound one.
 *
 * Builds the CONTRL interchange answering a received one (ISO 9735 part 1 annex, CONTRL):
 * accepted -> UCI action 7 (plus UCM 7 per message); rejected -> UCI action 4 and, for an error
 * inside a message, UCM 4 naming it, UCS with the segment position (UNH = 1) and error code,
 * UCD for an error in one data element. Errors in UNB/UNZ go into UCI, in UNH/UNT into UCM.
 */
export function buildContrl(input: Buffer, options: ContrlOptions): Buffer {
  try {
    const messages = parseEdifact(input);
    const first = messages[0]?.interchange;
    if (!first)
      throw new TradeError('rejected', 'no interchange (UNB) to acknowledge', { stage: 'parse' });
    const received = [...new Set(messages.map((m) => m.interchange))];
    const bodies = received.map((h) => accepted(h?.unb ?? first.unb, messages, options));
    return answer(first.unb, bodies, options);
  } catch (err) {
    if (!(err instanceof TradeError) || !err.location) throw err;
    const received = locate(input, err.location.offset ?? Number.MAX_SAFE_INTEGER);
    if (!received) throw err;
    return answer(received.unb, [rejected(received, err)], options);
  }
}

/** Where the content of a syntactically sound interchange could not be mapped. */
export interface ContentFailure {
  /** Segment position in the interchange (UNB = 1), as mapping errors locate it. */
  segmentIndex?: number;
  /** Message position in the input, from 0, when no segment is known. */
  messageIndex?: number;
}

/** Why a whole interchange is refused before its messages are read (ISO 9735 0085). */
export interface InterchangeRefusal {
  /** '23' unknown interchange sender, '7' interchange recipient not the actual recipient. */
  syntaxCode: string;
}

/**
 * The CONTRL rejecting an interchange whose syntax is sound but whose content TradeHub could
 * not take (a mapping failure): UCI action 4 naming the interchange, UCM 4 naming the message
 * and, when the failing segment is known, UCS with its position (UNH = 1) and code 12
 * (invalid value). Syntax errors are answered by buildContrl.
 */
export function contrlRejectingContent(
  input: Buffer,
  at: ContentFailure | InterchangeRefusal,
  options: ContrlOptions,
): Buffer {
  const messages = parseEdifact(input);
  if ('syntaxCode' in at) {
    // A refused interchange: UCI action 4 with the reason; no message is looked at.
    const unb = messages[0]?.interchange?.unb;
    if (!unb)
      throw new TradeError('rejected', 'no interchange (UNB) to acknowledge', { stage: 'parse' });
    return answer(unb, [[uci(unb, '4', at.syntaxCode)]], options);
  }
  const failing = failingMessage(messages, at);
  const message = failing ?? messages[0];
  const unb = message?.interchange?.unb;
  if (!message || !unb)
    throw new TradeError('rejected', 'no interchange (UNB) to acknowledge', { stage: 'parse' });
  const unh = message.segments[0];
  const body = [uci(unb, '4'), ucm(unh, '4')];
  if (at.segmentIndex !== undefined && failing) {
    const position = at.segmentIndex - unh.index + 1;
    body.push({ tag: 'UCS', elements: [String(position), SyntaxErrorCode.invalidValue] });
  }
  return answer(unb, [body], options);
}

function failingMessage(messages: EdifactMessage[], at: ContentFailure) {
  const index = at.segmentIndex;
  if (index === undefined) return messages[at.messageIndex ?? 0];
  return messages.find((m) => m.segments[0].index <= index && index <= m.segments.at(-1)!.index);
}

function accepted(
  unb: EdifactSegment,
  messages: EdifactMessage[],
  options: ContrlOptions,
): SegmentDraft[] {
  const mine = messages.filter((m) => m.interchange?.unb === unb);
  const ucms = options.reportMessages === false ? [] : mine.map((m) => ucm(m.segments[0], '7'));
  return [uci(unb, '7'), ...ucms];
}

function rejected({ unb, unh }: Received, err: TradeError): SegmentDraft[] {
  const code = err.code ?? SyntaxErrorCode.notSupportedInPosition;
  const tag = err.location?.segmentTag ?? '';
  const element = err instanceof EdifactSyntaxError ? err.dataElement : undefined;
  const inBody = err instanceof EdifactSyntaxError && err.inBody;
  const s011 = element
    ? [String(element.element), element.component ? String(element.component) : undefined]
    : undefined;
  if (!unh || ['UNB', 'UNZ', 'UNG', 'UNE'].includes(tag)) return [uci(unb, '4', code, tag, s011)];
  if (!inBody && (tag === 'UNH' || tag === 'UNT'))
    return [uci(unb, '4'), ucm(unh, '4', code, tag, s011)];
  const position = (err.location?.segmentIndex ?? unh.index) - unh.index + 1;
  const segment: SegmentDraft[] = [
    { tag: 'UCS', elements: [String(position), element ? undefined : code] },
  ];
  if (element) segment.push({ tag: 'UCD', elements: [code, s011] });
  return [uci(unb, '4'), ucm(unh, '4'), ...segment];
}

// UCI: 0020 control reference, S002 sender, S003 recipient (of the received interchange), 0083 action.
function uci(
  unb: EdifactSegment,
  action: string,
  code?: string,
  tag?: string,
  s011?: (string | undefined)[],
): SegmentDraft {
  return {
    tag: 'UCI',
    elements: [
      unb.get(4),
      unb.element(1),
      unb.element(2),
      action,
      code,
      code ? tag : undefined,
      s011,
    ],
  };
}

// UCM: 0062 message reference, S009 message identifier, 0083 action.
function ucm(
  unh: EdifactSegment,
  action: string,
  code?: string,
  tag?: string,
  s011?: (string | undefined)[],
): SegmentDraft {
  return {
    tag: 'UCM',
    elements: [unh.get(0), unh.element(1), action, code, code ? tag : undefined, s011],
  };
}

function answer(unb: EdifactSegment, bodies: SegmentDraft[][], options: ContrlOptions): Buffer {
  const syntaxVersion = unb.get(0, 1) ?? '3';
  const v4 = Number(syntaxVersion) >= 4;
  const messages: MessageDraft[] = bodies.map((segments, i) => ({
    messageRef: String(i + 1),
    messageType: 'CONTRL',
    // CONTRL is versioned by the syntax: D:3 for version 3 (and below), 4:1 for version 4.
    version: v4 ? '4.1' : 'D.3',
    segments,
  }));
  return buildInterchange({
    syntaxId: unb.get(0, 0) ?? 'UNOA',
    syntaxVersion,
    sender: { id: unb.require(2, 0), qualifier: unb.get(2, 1) },
    recipient: { id: unb.require(1, 0), qualifier: unb.get(1, 1) },
    preparedAt: options.preparedAt,
    controlRef: options.controlRef,
    // An acknowledgement echoes the partner's own references, as sent.
    repertoire: 'verbatim',
    messages,
  });
}

/** Scans the received input again up to the error, to find its UNB and open UNH. */
function locate(input: Buffer, errorOffset: number): Received | undefined {
  const { syntaxId, start } = sniffSyntaxId(input);
  const { text, charset } = decodeBytes(input.subarray(start), syntaxId);
  const scanner = new SegmentScanner(byteLengthFn(charset), { offset: start, line: 1 });
  scanner.push(text);
  let found: Received | undefined;
  try {
    for (let seg = scanner.next(true); seg && seg.offset <= errorOffset; seg = scanner.next(true)) {
      if (seg.tag === 'UNB') found = { unb: seg };
      else if (seg.tag === 'UNH' && found) found.unh = seg;
      else if (seg.tag === 'UNT' && found && seg.offset < errorOffset) found.unh = undefined;
    }
  } catch {
    // The scan stops at the same syntax error; what we found before it is what we need.
  }
  return found;
}
