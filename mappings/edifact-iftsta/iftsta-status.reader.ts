import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { eventZone, type CarrierEdifactSettings } from '../carrier-edifact/carrier-settings.schema';
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
import { UNKNOWN_STATUS, type StatusCodeEntry } from '../carrier-edifact/status-code.list';
import { legEvents } from './iftsta-leg.reader';
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
  /** `warnings` under lenient checks (see `readDtm`). */
  lenient?: string[];
}

/** One STS group -> one event per container it names (usually one), plus its legs' times. */
export function statusEvents(sts: SegmentGroup, scope: StatusScope): ShipmentEvent[] {
  const stsSeg = sts.head as EdifactSegment;
  const code = stsSeg.get(1, 0)?.trim();
  if (!code) throw mappingError('STS has no status code (C555)', stsSeg, 'missing-status');
  const entry = ownEntry(scope.codes, code) ?? unknownStatus(code, stsSeg, scope);
  if (!entry) return [];
  const loc = sts.segment('LOC');
  const location = loc && readLocation(loc, scope.warnings);
  const zone = eventZone(scope.settings, location?.unLocode, scope.warnings);
  const dates = sts.segments('DTM').map((d) => readDtm(d, zone, scope.lenient));
  const when = pickEventDate(dates, scope.warnings);
  if (!when && dates.length === 0)
    throw mappingError(`STS ${code} has no event date (DTM)`, stsSeg, 'missing-date');
  if (!when) {
    // Only requested or undefined times: no fact to put on a timeline (warned per DTM).
    scope.warnings.push(
      `segment ${stsSeg.index} STS ${code}: no actual, estimated or planned time, left out`,
    );
    return [];
  }

  const own = readReferences(sts.segments('RFF'), scope.warnings);
  // CNI C503 1004 is the consignment's transport document (the B/L in carrier guides).
  const cniDoc = scope.cni.get(1, 0);
  const refs = withHeaderRefs({ ...own, blNo: own.blNo ?? cniDoc }, scope.header.refs);
  const tdtGroup = sts.group('TDT');
  const conveyance = tdtGroup?.head && readConveyance(tdtGroup.head);
  const eqds = sts.groups('EQD').flatMap((g) => (g.head?.get(0) === 'CN' ? [g.head] : []));
  const common = compact({
    eventCreatedDateTime: scope.header.documentDate?.iso,
    ...eventRefs(refs, scope.warnings),
    carrierCode: scope.settings.carrierCode,
    sourceStatusCode: code,
  });
  const base: ShipmentEvent = compact({
    ...common,
    eventKind: entry.eventKind,
    classifier: classifierOf(when.qualifier),
    eventCode: entry.eventCode,
    eventDateTime: when.iso,
    location,
    transportCall: conveyance && compact({ location, conveyance }),
    documentTypeCode: entry.documentTypeCode,
    sourceStatusDescription: stsSeg.get(1, 3)?.trim() || entry.description,
    remarks: readFreeText(sts.segments('FTX')),
  });
  const boxes = eqds.map((eqd) => ({ eqd, no: readEquipmentNo(eqd, scope.warnings) }));
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
  const events = targets.map(({ eqd, no }) =>
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
  const legs = tdtGroup ? legEvents(tdtGroup, { ...scope, common, equipment: targets[0].no }) : [];
  return [...events, ...legs];
}

/** An STS code the list does not know: an UNKN event (keep), nothing (skip) or an error. */
function unknownStatus(
  code: string,
  sts: EdifactSegment,
  scope: StatusScope,
): StatusCodeEntry | undefined {
  const policy = scope.settings.unknownStatus;
  if (policy === 'error') {
    throw mappingError(
      `status code ${code} is not in the partner's code list`,
      sts,
      'unknown-status',
    );
  }
  const kept = policy === 'keep';
  scope.warnings.push(
    `segment ${sts.index} STS: status code ${code} not in the code list, ${kept ? 'kept as an UNKN event for operators' : 'skipped'}`,
  );
  return kept ? UNKNOWN_STATUS : undefined;
}

/** The first container a consignment names in any of its statuses (EQD first, then RFF+EQ). */
export function consignmentContainer(cni: SegmentGroup): string | undefined {
  for (const sts of cni.groups('STS')) {
    for (const g of sts.groups('EQD')) {
      if (g.head?.get(0) !== 'CN') continue;
      const no = readEquipmentNo(g.head, []);
      if (no) return no;
    }
  }
  for (const sts of cni.groups('STS')) {
    const no = readReferences(sts.segments('RFF'), []).containerNos[0];
    if (no) return no;
  }
  return undefined;
}
