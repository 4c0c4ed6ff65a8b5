import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { EdifactSegment, SegmentGroup } from '../codecs/edifact';
import type { CarrierEdifactSettings } from '../carrier-edifact/carrier-settings.schema';
import { readDtm } from '../carrier-edifact/edifact-datetime';
import { classifierOf, pickEventDate } from '../carrier-edifact/dtm-qualifiers';
import { mappingError } from '../carrier-edifact/mapping-error';
import { withHeaderRefs, type MessageHeader } from '../carrier-edifact/message-header';
import {
  readConveyance,
  readEquipmentNo,
  readFreeText,
  readFullEmpty,
  readLocation,
  readReferences,
  readSizeType,
} from '../carrier-edifact/segment-readers';
import { compact, eventRefs } from '../carrier-edifact/shipment-event.builder';
import type { StatusCodeEntry } from '../carrier-edifact/status-code.list';
import { ownEntry } from '../../core/collections';

/** What a status needs from around it: the header, the consignment's container, the code list. */
export interface StatusScope {
  header: MessageHeader;
  /** The container the consignment (CNI) names somewhere, for statuses that do not repeat it. */
  cniContainer?: string;
  cni: EdifactSegment;
  settings: CarrierEdifactSettings;
  codes: Readonly<Record<string, StatusCodeEntry>>;
  warnings: string[];
}

/** One STS group -> one event per container it names (usually one). */
export function statusEvents(sts: SegmentGroup, scope: StatusScope): ShipmentEvent[] {
  const stsSeg = sts.head as EdifactSegment;
  const code = stsSeg.get(1, 0)?.trim();
  if (!code) throw mappingError('STS has no status code (C555)', stsSeg, 'missing-status');
  const entry = ownEntry(scope.codes, code);
  if (!entry) {
    if (scope.settings.unknownStatus === 'error') {
      throw mappingError(
        `status code ${code} is not in the partner's code list`,
        stsSeg,
        'unknown-status',
      );
    }
    scope.warnings.push(
      `segment ${stsSeg.index} STS: status code ${code} not in the code list, skipped`,
    );
    return [];
  }
  const dates = sts.segments('DTM').map((d) => readDtm(d, scope.settings.timeZone));
  const when = pickEventDate(dates);
  if (!when) throw mappingError(`STS ${code} has no event date (DTM)`, stsSeg, 'missing-date');

  const own = readReferences(sts.segments('RFF'));
  // CNI C503 1004 is the consignment's transport document (the B/L in carrier guides).
  const cniDoc = scope.cni.get(1, 0);
  const refs = withHeaderRefs({ ...own, blNo: own.blNo ?? cniDoc }, scope.header.refs);
  const loc = sts.segment('LOC');
  const location = loc && readLocation(loc, scope.warnings);
  const tdt = sts.group('TDT')?.head;
  const conveyance = tdt && readConveyance(tdt);
  const eqds = sts.groups('EQD').flatMap((g) => (g.head?.get(0) === 'CN' ? [g.head] : []));
  const base: ShipmentEvent = compact({
    eventKind: entry.eventKind,
    classifier: classifierOf(when.qualifier),
    eventCode: entry.eventCode,
    eventDateTime: when.iso,
    eventCreatedDateTime: scope.header.documentDate?.iso,
    location,
    transportCall: conveyance && compact({ location, conveyance }),
    documentTypeCode: entry.documentTypeCode,
    ...eventRefs(refs, scope.warnings),
    carrierCode: scope.settings.carrierCode,
    sourceStatusCode: code,
    sourceStatusDescription: stsSeg.get(1, 3)?.trim() || entry.description,
    remarks: readFreeText(sts.segments('FTX')),
  });
  const boxes = eqds.map((eqd) => ({ eqd, no: readEquipmentNo(eqd) }));
  const numbered = boxes.filter((b) => b.no !== undefined);
  // The status's own RFF+EQ, then what its consignment names, then the message header.
  const fallback = own.containerNos[0] ?? scope.cniContainer ?? scope.header.refs.containerNos[0];
  if (numbered.length === 0 && !fallback) {
    throw mappingError(
      'consignment names no container (EQD or RFF+EQ)',
      scope.cni,
      'missing-container',
    );
  }
  const targets = numbered.length ? numbered : [{ eqd: eqds[0], no: fallback }];
  return targets.map(({ eqd, no }) =>
    compact({
      ...base,
      equipmentReference: no,
      isoEquipmentCode: eqd && readSizeType(eqd),
      emptyIndicator:
        entry.eventKind === 'TRANSPORT'
          ? undefined
          : ((eqd && readFullEmpty(eqd)) ?? entry.emptyIndicator),
    }),
  );
}

/** The first container a consignment names in any of its statuses (EQD first, then RFF+EQ). */
export function consignmentContainer(cni: SegmentGroup): string | undefined {
  for (const sts of cni.groups('STS')) {
    for (const g of sts.groups('EQD')) {
      if (g.head?.get(0) !== 'CN') continue;
      const no = readEquipmentNo(g.head);
      if (no) return no;
    }
  }
  for (const sts of cni.groups('STS')) {
    const no = readReferences(sts.segments('RFF')).containerNos[0];
    if (no) return no;
  }
  return undefined;
}
