import type { InputLocation } from '../../../core/errors/trade-error';

/** Separators of one interchange, all taken from its ISA segment. */
export interface X12Delimiters {
  /** ISA position 4 (the character after "ISA"). */
  element: string;
  /** ISA16. */
  component: string;
  /** ISA11 from version 00402 on (commonly `^`); null before, where ISA11 is the standards id `U`. */
  repetition: string | null;
  /** The character after ISA16. */
  segment: string;
  /** CR and/or LF written after each terminator ('' when none); kept so output matches input. */
  lineEnding: string;
}

/**
 * One segment. `elements[0]` is element 01; values are raw (components and repetitions are
 * split on demand by the accessors in x12-tree.ts, with the message's delimiters).
 */
export interface X12Segment {
  tag: string;
  elements: string[];
  /** 1-based position of the segment in its interchange (ISA = 1); absent on built segments. */
  ordinal?: number;
  /** Character offset of the segment's first character in the decoded input. */
  offset?: number;
}

/** One occurrence of a loop: its trigger segment first, then segments and nested loops. */
export interface X12Loop {
  loopId: string;
  nodes: X12Node[];
}

export type X12Node = X12Segment | X12Loop;

export type X12IssueLevel = 'interchange' | 'group' | 'set' | 'segment' | 'element';

/** Acknowledgement codes an issue maps to (997 AK3/AK4/AK5/AK9, TA1 note codes). */
export interface X12AckCodes {
  /** AK304 segment syntax error code (element 720). */
  ak3?: string;
  /** AK403 element syntax error code (element 723). */
  ak4?: string;
  /** AK502.. transaction set syntax error code (element 718). */
  ak5?: string;
  /** AK905.. functional group syntax error code (element 716). */
  ak9?: string;
  /** TA105 interchange note code (element I18). */
  ta1?: string;
  /** AK301: the segment id in error (a missing segment's id when one is missing). */
  segmentId?: string;
  /** AK302: position of the segment in its transaction set, ST = 1. */
  positionInSet?: number;
  loopId?: string;
  /** AK401: element position (and component position inside a composite). */
  elementPosition?: number;
  componentPosition?: number;
  /** AK402: data element reference number. */
  elementRef?: string;
  /** AK404: copy of the bad data element. */
  badValue?: string;
}

export interface X12Issue {
  severity: 'error' | 'warning';
  level: X12IssueLevel;
  /** Stable machine code, e.g. 'SE01_COUNT', 'MANDATORY_SEGMENT_MISSING'. */
  code: string;
  message: string;
  location: InputLocation;
  ack: X12AckCodes;
}

export interface X12Party {
  qualifier: string;
  id: string;
}

/** ISA facts, values trimmed of their fixed-width padding. */
export interface X12InterchangeHeader {
  isa: X12Segment;
  delimiters: X12Delimiters;
  sender: X12Party;
  receiver: X12Party;
  /** ISA09 YYMMDD and ISA10 HHMM as sent. */
  date: string;
  time: string;
  /** ISA12, e.g. '00401'. */
  version: string;
  controlNumber: string;
  ackRequested: boolean;
  /** ISA15: P production, T test, I information. */
  usage: string;
}

export interface X12GroupHeader {
  gs: X12Segment;
  /** GS01, e.g. 'OW' for 940, 'FA' for 997. */
  functionalId: string;
  senderCode: string;
  receiverCode: string;
  /** GS04 CCYYMMDD and GS05 HHMM[SS[dd]]. */
  date: string;
  time: string;
  controlNumber: string;
  /** GS08, e.g. '004010'. */
  version: string;
}

export interface X12TransactionSet {
  /** ST01, e.g. '940'. */
  id: string;
  /** ST02. */
  controlNumber: string;
  st: X12Segment;
  se: X12Segment | null;
  /** Segments between ST and SE, grouped into loops when the set's structure is known. */
  body: X12Node[];
  /** Id of the structure the body was matched against, e.g. '940/004010'; null if unknown. */
  structure: string | null;
  issues: X12Issue[];
}

export interface X12Group extends X12GroupHeader {
  ge: X12Segment | null;
  sets: X12TransactionSet[];
  issues: X12Issue[];
}

export interface X12Interchange extends X12InterchangeHeader {
  iea: X12Segment | null;
  /** TA1 interchange acknowledgements, which stand between ISA and the first GS. */
  ta1s?: X12Segment[];
  groups: X12Group[];
  issues: X12Issue[];
}

/** The tree of one decoded message: a transaction set with its envelopes' facts. */
export interface X12Message {
  interchange: Omit<X12InterchangeHeader, 'isa'>;
  group: Omit<X12GroupHeader, 'gs'>;
  set: X12TransactionSet;
}
