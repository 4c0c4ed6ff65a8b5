import type { DecodedMessage } from '../../core/translation/contract';
import {
  loopsAt,
  segmentAt,
  segmentsAt,
  type X12Loop,
  type X12Message,
  type X12Segment,
} from '../codecs/x12';
import { beginningSegment, mappingError, optional, required } from './x12-read.helpers';

export interface FunctionalAckElementError {
  /** AK401 position of the element (in 005010 a composite "position:component"). */
  position: string;
  /** AK402 data element reference number. */
  elementRef?: string;
  /** AK403 element syntax error code (element 723). */
  code: string;
  /** AK404 copy of the bad value. */
  badValue?: string;
}

export interface FunctionalAckSegmentError {
  /** AK301 segment id, AK302 its position in the set (ST = 1), AK303 loop id. */
  segmentId: string;
  position: number;
  loopId?: string;
  /** AK304 segment syntax error code (element 720). */
  code?: string;
  elements: FunctionalAckElementError[];
}

export interface FunctionalAckSetResult {
  /** AK201 and AK202: which of our sets this answers (ST01, ST02). */
  setId: string;
  controlNumber: string;
  /** AK501: A accepted, E accepted with errors noted; M, R, W, X rejected. */
  code: string;
  accepted: boolean;
  /** AK502-AK506 set syntax error codes (element 718). */
  errorCodes: string[];
  segmentErrors: FunctionalAckSegmentError[];
}

/** What a partner's 997 says about one of our functional groups. */
export interface FunctionalAckResult {
  /** AK101 and AK102: the group acknowledged (GS01, GS06 = RenderedMessage.messageRef). */
  functionalId: string;
  groupControlNumber: string;
  /** AK901: A accepted, E accepted with errors, P partially accepted; M, R, W, X rejected. */
  code: string;
  /** True when the whole group went through (A or E); P lists accepted sets in setResults. */
  accepted: boolean;
  /** AK902-AK904. */
  setsIncluded: number;
  setsReceived: number;
  setsAccepted: number;
  /** AK905-AK909 group syntax error codes (element 716). */
  errorCodes: string[];
  /** One entry per AK2 loop; partners may list rejected sets only. */
  setResults: FunctionalAckSetResult[];
}

const ACCEPTED = ['A', 'E'];

export function codesFrom(seg: X12Segment, from: number, to: number): string[] {
  const codes: string[] = [];
  for (let p = from; p <= to; p++) {
    const code = optional(seg, p);
    if (code) codes.push(code);
  }
  return codes;
}

function segmentError(loop: X12Loop): FunctionalAckSegmentError {
  const ak3 = loop.nodes[0] as X12Segment;
  const found: FunctionalAckSegmentError = {
    segmentId: required(ak3, 1, 'segment id in error'),
    position: Number(required(ak3, 2, 'segment position in set')),
    elements: segmentsAt(loop.nodes, 'AK4').map((ak4) => ({
      position: required(ak4, 1, 'element position'),
      elementRef: optional(ak4, 2),
      code: required(ak4, 3, 'element syntax error code'),
      badValue: optional(ak4, 4),
    })),
  };
  const loopId = optional(ak3, 3);
  if (loopId) found.loopId = loopId;
  const code = optional(ak3, 4);
  if (code) found.code = code;
  return found;
}

function setResult(loop: X12Loop): FunctionalAckSetResult {
  const ak2 = loop.nodes[0] as X12Segment;
  const ak5 = segmentAt(loop.nodes, 'AK5');
  if (!ak5) throw mappingError(ak2, 'AK2 loop has no AK5 (set response)');
  const code = required(ak5, 1, 'transaction set acknowledgment code');
  return {
    setId: required(ak2, 1, 'transaction set id'),
    controlNumber: required(ak2, 2, 'transaction set control number'),
    code,
    accepted: ACCEPTED.includes(code),
    errorCodes: codesFrom(ak5, 2, 6),
    segmentErrors: loopsAt(loop.nodes, 'AK3').map(segmentError),
  };
}

/**
 * Reads a partner's 997 (one decoded set) so the gateway can mark the outbound message whose
 * GS06 it quotes as accepted or rejected. Not a canonical document: no InboundMapping.
 */
export function readFunctionalAck(message: DecodedMessage<X12Message>): FunctionalAckResult {
  const { set } = message.tree;
  if (set.id !== '997') throw mappingError(set.st, `set ${set.id} is not a 997`);
  const ak1 = beginningSegment(set, 'AK1');
  const ak9 = segmentAt(set.body, 'AK9');
  if (!ak9) throw mappingError(set.st, '997 has no AK9 (group response)', 'X12_MISSING_SEGMENT');
  const code = required(ak9, 1, 'functional group acknowledge code');
  const count = (p: number, what: string) => Number(required(ak9, p, what));
  return {
    functionalId: required(ak1, 1, 'functional identifier code'),
    groupControlNumber: required(ak1, 2, 'group control number'),
    code,
    accepted: ACCEPTED.includes(code),
    setsIncluded: count(2, 'number of transaction sets included'),
    setsReceived: count(3, 'number of received transaction sets'),
    setsAccepted: count(4, 'number of accepted transaction sets'),
    errorCodes: codesFrom(ak9, 5, 9),
    setResults: loopsAt(set.body, 'AK2').map(setResult),
  };
}
