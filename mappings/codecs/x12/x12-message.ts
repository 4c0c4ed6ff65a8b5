import type {
  DecodedMessage,
  Detection,
  InterchangeInfo,
} from '../../../core/translation/contract';
import type {
  X12Group,
  X12Interchange,
  X12Message,
  X12Segment,
  X12TransactionSet,
} from './x12.types';

/** Detection facts of one set: GS08 as version (ISA12 when GS08 is empty), ST01 as type. */
export function detectionOf(
  ic: X12Interchange,
  group: X12Group,
  set?: X12TransactionSet,
): Detection {
  return {
    format: 'x12',
    standard: 'ANSI X12',
    version: group.version || ic.version,
    messageType: set?.id,
  };
}

/**
 * ISA09/ISA10 as ISO 8601 local date-time. X12 carries no zone: the partner agreement says
 * which one applies, so none is invented here. The century comes from GS04 when present.
 */
export function preparedAt(ic: X12Interchange, group?: X12Group): string {
  const century = group && /^\d{8}$/.test(group.date) ? group.date.slice(0, 2) : '20';
  const d = ic.date;
  const t = ic.time;
  return `${century}${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}T${t.slice(0, 2)}:${t.slice(2, 4)}`;
}

export function interchangeInfo(ic: X12Interchange, group?: X12Group): InterchangeInfo {
  return {
    senderId: ic.sender.id,
    senderQualifier: ic.sender.qualifier,
    recipientId: ic.receiver.id,
    recipientQualifier: ic.receiver.qualifier,
    controlRef: ic.controlNumber,
    preparedAt: preparedAt(ic, group),
    syntax: `X12 ${ic.version}`,
  };
}

/**
 * A TA1 as a message of its own, so acknowledgements are read one message at a time: set id
 * 'TA1', TA101 (the answered interchange) as control number, no group (GS facts left empty).
 */
export function ta1Message(ta1: X12Segment, ic: X12Interchange, index: number) {
  const set: X12TransactionSet = {
    id: 'TA1',
    controlNumber: ta1.elements[0] ?? '',
    st: ta1,
    se: null,
    body: [ta1],
    structure: null,
    issues: [],
  };
  const group: X12Group = {
    gs: ta1,
    ge: null,
    functionalId: '',
    senderCode: '',
    receiverCode: '',
    date: '',
    time: '',
    controlNumber: '',
    version: '',
    sets: [set],
    issues: [],
  };
  return toDecodedMessage(set, group, ic, index);
}

export function toDecodedMessage(
  set: X12TransactionSet,
  group: X12Group,
  ic: X12Interchange,
  index: number,
): DecodedMessage<X12Message> {
  const {
    isa: _isa,
    groups: _groups,
    iea: _iea,
    issues: _issues,
    ta1s: _ta1s,
    ...interchange
  } = ic;
  const { gs: _gs, ge: _ge, sets: _sets, issues: _gIssues, ...groupHeader } = group;
  return {
    detection: detectionOf(ic, group, set),
    messageRef: set.controlNumber,
    index,
    tree: { interchange, group: groupHeader, set },
    interchange: interchangeInfo(ic, group),
  };
}
