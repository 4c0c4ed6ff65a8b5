import type { EdifactMessage, EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { readDtm, type DtmValue } from './edifact-datetime';
import { mappingError } from './mapping-error';
import { readReferences, type References } from './segment-readers';

/** What the message level says for all its details: BGM, document date, references. */
export interface MessageHeader {
  bgm: EdifactSegment;
  /** BGM C002 1001, e.g. '770', '34'. */
  documentCode?: string;
  /** BGM 1004 (C106 from D.00B, the same position). */
  documentNo?: string;
  /** BGM 1225 message function: 9 original, 5 replace, 1 cancellation ... */
  function?: string;
  /** BGM 4343 response type: AP accepted, RE rejected, CA conditionally accepted. */
  responseType?: string;
  /** DTM 137 (document date) at message level. */
  documentDate?: DtmValue;
  refs: References;
}

/**
 * Reads the header. Message-level references sit in RFF groups (IFTSTA, IFTMBC) or as plain
 * RFF segments (CODECO, COPARN): both are read.
 */
export function readHeader(
  message: EdifactMessage,
  timeZone: string,
  lenient?: string[],
): MessageHeader {
  const root = message.tree;
  const bgm = root.segment('BGM');
  if (!bgm) throw mappingError(`${message.messageType} has no BGM`, message.segments[0]);
  const dtm = root.segments('DTM').find((d) => d.get(0) === '137');
  const rffs = [...root.segments('RFF'), ...groupHeads(root, 'RFF')];
  return {
    bgm,
    documentCode: bgm.get(0, 0),
    documentNo: bgm.get(1, 0),
    function: bgm.get(2),
    responseType: bgm.get(3),
    documentDate: dtm && readDtm(dtm, timeZone, lenient),
    refs: readReferences(rffs),
  };
}

/** The trigger segments of the direct child groups opened by `tag`. */
export const groupHeads = (group: SegmentGroup, tag: string): EdifactSegment[] =>
  group.groups(tag).flatMap((g) => (g.head ? [g.head] : []));

/**
 * Status reports and orders are mapped as facts; a cancellation (1225 = 1) would need the fact
 * it cancels, so it is refused for an operator to handle.
 */
export function refuseCancellation(header: MessageHeader, what: string): void {
  if (header.function === '1') {
    throw mappingError(
      `${what} cancellations (BGM 1225 = 1) are not mapped`,
      header.bgm,
      'cancellation',
    );
  }
}

/** References of a detail, completed from the message header where the detail says nothing. */
export function withHeaderRefs(detail: References, header: References): References {
  return {
    bookingNo: detail.bookingNo ?? header.bookingNo,
    blNo: detail.blNo ?? header.blNo,
    containerNos: detail.containerNos.length ? detail.containerNos : header.containerNos,
    others: [
      ...detail.others,
      ...header.others.filter(
        (h) => !detail.others.some((d) => d.type === h.type && d.value === h.value),
      ),
    ],
  };
}
