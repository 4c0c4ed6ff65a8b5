import { buildInterchange, seg, type X12SetSpec } from './x12-interchange.builder';
import type { X12Group, X12Interchange, X12Issue, X12Node, X12TransactionSet } from './x12.types';
import { pushAll } from '../../../core/collections';

export interface Ack997Options {
  /** ISA13 and GS06 of the acknowledgement interchange (the sender's own counters). */
  controlNumber: string | number;
  groupControlNumber: string | number;
  /** CCYYMMDD (GS04; ISA09 takes YYMMDD of it) and HHMM, in the zone agreed with the partner. */
  date: string;
  time: string;
  /** Also list accepted sets (AK2 + AK5 'A'); default true. */
  reportAccepted?: boolean;
  usage?: 'P' | 'T' | 'I';
}

/** AK5/AK9 allow at most five error codes. */
const MAX_CODES = 5;

function uniqueCodes(codes: Array<string | undefined>): string[] {
  return [...new Set(codes.filter((c): c is string => !!c))].slice(0, MAX_CODES);
}

/** AK3 (+AK4) segments for the segment and element issues of one set, in input order. */
function segmentErrors(issues: X12Issue[]): X12Node[] {
  const out: X12Node[] = [];
  const byPosition = new Map<string, X12Issue[]>();
  const ordered = [...issues].sort(
    (a, b) => (a.ack.positionInSet ?? 0) - (b.ack.positionInSet ?? 0),
  );
  for (const i of ordered) {
    if (i.ack.ak3 === undefined) continue;
    const key = `${i.ack.positionInSet}:${i.ack.segmentId}:${i.ack.ak3 === '8' ? '8' : i.code}`;
    byPosition.set(key, [...(byPosition.get(key) ?? []), i]);
  }
  for (const group of byPosition.values()) {
    const head = group[0].ack;
    out.push(seg('AK3', head.segmentId, head.positionInSet, head.loopId, head.ak3));
    for (const e of group) {
      if (e.ack.ak4 === undefined) continue;
      out.push(seg('AK4', e.ack.elementPosition, e.ack.elementRef, e.ack.ak4, e.ack.badValue));
    }
  }
  return out;
}

function setStatus(set: X12TransactionSet): { code: string; errors: string[] } {
  const errors = set.issues.filter((i) => i.severity === 'error');
  const warnings = set.issues.filter((i) => i.severity === 'warning');
  if (errors.length) {
    const codes = uniqueCodes(errors.map((i) => i.ack.ak5 ?? (i.ack.ak3 ? '5' : undefined)));
    return { code: 'R', errors: codes.length ? codes : ['5'] };
  }
  if (warnings.length) return { code: 'E', errors: uniqueCodes(warnings.map((i) => i.ack.ak5)) };
  return { code: 'A', errors: [] };
}

function ackForGroup(group: X12Group, control: number, reportAccepted: boolean): X12SetSpec {
  const v5010 = group.version.startsWith('005');
  const body: X12Node[] = [
    seg('AK1', group.functionalId, group.controlNumber, v5010 ? group.version : undefined),
  ];
  let accepted = 0;
  let noted = false;
  for (const set of group.sets) {
    const status = setStatus(set);
    if (status.code !== 'R') accepted++;
    if (status.code === 'E') noted = true;
    if (status.code === 'A' && !reportAccepted) continue;
    const st03 = v5010 ? set.st.elements[2] : undefined;
    body.push(seg('AK2', set.id, set.controlNumber, st03));
    pushAll(body, segmentErrors(set.issues));
    body.push(seg('AK5', status.code, ...status.errors));
  }
  const groupErrors = group.issues.filter((i) => i.severity === 'error');
  const groupWarnings = group.issues.filter((i) => i.severity === 'warning');
  const received = group.sets.length;
  const declared = group.ge?.elements[0] ?? String(received);
  let code = accepted === received ? 'A' : accepted === 0 ? 'R' : 'P';
  if (groupErrors.length) code = 'R';
  else if (code === 'A' && (groupWarnings.length || noted)) code = 'E';
  const codes = uniqueCodes([...groupErrors, ...groupWarnings].map((i) => i.ack.ak9));
  body.push(seg('AK9', code, declared, received, accepted, ...codes));
  return { id: '997', controlNumber: control, body };
}

/**
 * The 997 for a received interchange (parsed with parseX12, which keeps its issues): one 997
 * per functional group with AK1, an AK2 loop per transaction set (AK3/AK4 for segment and
 * element errors, AK5 accepted/rejected with codes) and AK9 for the group, in a new interchange
 * addressed back to the sender.
 */
export function build997(received: X12Interchange, options: Ack997Options): X12Interchange {
  const first = received.groups[0];
  const groupVersion = first?.version || '004010';
  const sets = received.groups.map((g, k) => ackForGroup(g, k + 1, options.reportAccepted ?? true));
  return buildInterchange({
    sender: received.receiver,
    receiver: received.sender,
    date: options.date.slice(2),
    time: options.time,
    version: received.version,
    controlNumber: options.controlNumber,
    usage: options.usage ?? (received.usage as 'P' | 'T' | 'I'),
    delimiters: received.delimiters,
    groups: [
      {
        functionalId: 'FA',
        senderCode: first?.receiverCode ?? received.receiver.id,
        receiverCode: first?.senderCode ?? received.sender.id,
        date: options.date,
        time: options.time,
        controlNumber: options.groupControlNumber,
        version: groupVersion,
        sets,
      },
    ],
  });
}
