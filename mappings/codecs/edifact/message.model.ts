import type { SegmentGroup } from './segment-group.model';
import type { EdifactSegment } from './segment.model';
import type { Separators } from './separators.syntax';

/** What UNB (and a UNA before it) says about an interchange. */
export interface InterchangeHeader {
  /** S001 0001, e.g. 'UNOC'. */
  syntaxId: string;
  /** S001 0002, e.g. '3'. */
  syntaxVersion: string;
  /** Encoding the bytes were decoded with, e.g. 'iso-8859-1', 'utf-8'. */
  charset: string;
  separators: Separators;
  /** True when the interchange opened with a UNA service string advice. */
  una: boolean;
  senderId: string;
  senderQualifier?: string;
  recipientId: string;
  recipientQualifier?: string;
  /** S004 date and time as written (YYMMDD or CCYYMMDD, HHMM). */
  preparedDate: string;
  preparedTime: string;
  /** S004 as ISO 8601 (UNB has no zone: the codec's `timeZone` option, default UTC). */
  preparedAt?: string;
  /** 0020 interchange control reference. */
  controlRef: string;
  /** 0026 application reference. */
  applicationRef?: string;
  /** 0035 test indicator ('1' = test). */
  testIndicator?: string;
  unb: EdifactSegment;
  /** Envelope discrepancies accepted under checks: 'lenient'. */
  warnings: string[];
}

/** What UNG says about a functional group. */
export interface FunctionalGroupHeader {
  /** 0038 message group identification (the message type of the group). */
  groupId: string;
  senderId?: string;
  recipientId?: string;
  /** 0048 group reference number. */
  controlRef: string;
  ung: EdifactSegment;
}

/** One message (UNH..UNT) with its segments in order and as a tree. */
export interface EdifactMessage {
  /** UNH S009 0065, e.g. 'IFTSTA'. */
  messageType: string;
  /** 0052 '.' 0054, e.g. 'D.96A'. */
  version: string;
  /** 0051 controlling agency, e.g. 'UN'. */
  agency?: string;
  /** 0057 association assigned code, e.g. 'EAN008', 'SMDG20'. */
  associationCode?: string;
  /** UNH 0062 message reference number. */
  messageRef: string;
  /** UNH..UNT inclusive. */
  segments: EdifactSegment[];
  /** The segments placed in the message structure (flat under the root when no structure). */
  tree: SegmentGroup;
  /** True when `tree` was built from a structure in the registry. */
  structured: boolean;
  interchange?: InterchangeHeader;
  group?: FunctionalGroupHeader;
  /** Discrepancies accepted under checks: 'lenient'. */
  warnings: string[];
}
