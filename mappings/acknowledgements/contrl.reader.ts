import { TradeError } from '../../core/errors/trade-error';
import type { DecodedMessage } from '../../core/translation/contract';
import type { EdifactMessage, EdifactSegment } from '../codecs/edifact';

/** An error a CONTRL reports in one segment (UCS) and its data elements (UCD). */
export interface ContrlSegmentError {
  /** UCS 0096: position of the segment in the message (UNH = 1). */
  position: number;
  /** UCS 0085 syntax error code, when the segment as a whole is in error. */
  code?: string;
  /** UCD: 0085 code and S011 position ('element' or 'element:component'). */
  elements: Array<{ code: string; position?: string }>;
}

/** What a CONTRL says about one of our messages (UCM) or functional groups (UCF). */
export interface ContrlReport {
  /** UCM 0062 message reference, or UCF 0048 group reference. */
  ref: string;
  /** UCM S009 0065 message type (absent for groups). */
  messageType?: string;
  /** 0083: 7 acknowledged, 4 rejected. */
  action: string;
  accepted: boolean;
  /** 0085 syntax error code and 0135 the service segment it was found in (UNH, UNT, UNG ...). */
  code?: string;
  serviceSegment?: string;
  segmentErrors: ContrlSegmentError[];
}

/** What a partner's CONTRL says about one of our interchanges. */
export interface ContrlResult {
  /** UCI 0020: the control reference of our interchange (UNB 0020 = RenderedMessage.messageRef). */
  interchangeRef: string;
  /** UCI S002 and S003: sender and recipient of that interchange, as the partner read them. */
  senderId?: string;
  recipientId?: string;
  /** UCI 0083: 7 acknowledged, 4 rejected, 8 only received (content not checked). */
  action: string;
  /** False when the interchange, a group or a message was rejected. */
  accepted: boolean;
  /** UCI 0085 syntax error code and 0135 service segment (UNB, UNZ). */
  code?: string;
  serviceSegment?: string;
  groups: ContrlReport[];
  messages: ContrlReport[];
}

const REJECTED = '4';
const ACTIONS = ['4', '7', '8'];

function contrlError(message: string, at: EdifactSegment): TradeError {
  return new TradeError('mapping', `CONTRL ${message} (segment ${at.index} ${at.tag})`, {
    stage: 'map',
    location: at.location(),
    code: 'CONTRL_CONTENT',
  });
}

function action(seg: EdifactSegment, element: number): string {
  const code = seg.get(element);
  if (code === undefined) throw contrlError(`${seg.tag} has no action code (0083)`, seg);
  if (!ACTIONS.includes(code)) throw contrlError(`${seg.tag} action code '${code}' unknown`, seg);
  return code;
}

// UCM: 0062, S009, 0083, 0085, 0135. UCF: 0048, S006, S007, 0083, 0085, 0135.
function report(seg: EdifactSegment): ContrlReport {
  const group = seg.tag === 'UCF';
  const at = group ? 3 : 2;
  const ref = seg.get(0);
  if (ref === undefined) throw contrlError(`${seg.tag} names no reference`, seg);
  const code = action(seg, at);
  return {
    ref,
    ...(group ? {} : { messageType: seg.get(1) }),
    action: code,
    accepted: code !== REJECTED,
    code: seg.get(at + 1),
    serviceSegment: seg.get(at + 2),
    segmentErrors: [],
  };
}

function segmentError(ucs: EdifactSegment): ContrlSegmentError {
  const position = Number(ucs.get(0));
  if (!Number.isInteger(position)) throw contrlError('UCS names no segment position', ucs);
  return { position, code: ucs.get(1), elements: [] };
}

function elementError(ucd: EdifactSegment) {
  const code = ucd.get(0);
  if (code === undefined) throw contrlError('UCD has no syntax error code', ucd);
  const s011 = ucd.element(1).filter((c) => c !== '');
  return s011.length ? { code, position: s011.join(':') } : { code };
}

/**
 * Reads a partner's CONTRL (ISO 9735 syntax and service report) so the gateway can mark the
 * interchange it answers as acknowledged or rejected. Read flat in segment order, so it works
 * for syntax 3 (D:3) and 4 (4:1) alike: UCF opens a group report, UCM a message report, UCS a
 * segment error of the last UCM, UCD an element error of the last UCS.
 */
export function readContrl(message: DecodedMessage<EdifactMessage>): ContrlResult {
  const tree = message.tree;
  const unh = tree.segments[0];
  if (tree.messageType !== 'CONTRL') throw contrlError(`message is ${tree.messageType}`, unh);
  const uci = tree.segments.find((s) => s.tag === 'UCI');
  if (!uci) throw contrlError('has no UCI (interchange response)', unh);
  const interchangeRef = uci.get(0);
  if (interchangeRef === undefined) throw contrlError('UCI names no control reference', uci);
  const result: ContrlResult = {
    interchangeRef,
    senderId: uci.get(1),
    recipientId: uci.get(2),
    action: action(uci, 3),
    accepted: true,
    code: uci.get(4),
    serviceSegment: uci.get(5),
    groups: [],
    messages: [],
  };
  let current: ContrlReport | undefined;
  let segment: ContrlSegmentError | undefined;
  for (const seg of tree.segments) {
    if (seg.tag === 'UCF' || seg.tag === 'UCM') {
      current = report(seg);
      segment = undefined;
      (seg.tag === 'UCF' ? result.groups : result.messages).push(current);
    } else if (seg.tag === 'UCS') {
      if (!current) throw contrlError('UCS outside a message report', seg);
      segment = segmentError(seg);
      current.segmentErrors.push(segment);
    } else if (seg.tag === 'UCD') {
      if (!segment) throw contrlError('UCD outside a segment error', seg);
      segment.elements.push(elementError(seg));
    }
  }
  result.accepted =
    result.action !== REJECTED && [...result.groups, ...result.messages].every((r) => r.accepted);
  return result;
}
