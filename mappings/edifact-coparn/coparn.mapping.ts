import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { Location } from '../../core/model/values/location.schema';
import type { EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { carrierInbound } from '../carrier-edifact/carrier-inbound';
import { readDtm } from '../carrier-edifact/edifact-datetime';
import { mappingError } from '../carrier-edifact/mapping-error';
import { withHeaderRefs, type MessageHeader } from '../carrier-edifact/message-header';
import { issuedAt } from '../carrier-edifact/message-time';
import {
  locationByQualifier,
  readConveyance,
  readEquipmentNo,
  readFreeText,
  readFullEmpty,
  readReferences,
  readSizeType,
  type References,
} from '../carrier-edifact/segment-readers';
import { asMappedEvent, compact, eventRefs } from '../carrier-edifact/shipment-event.builder';

/** BGM 1001 12: transport equipment release order (ITIGG COPARN guide: gate-out order). */
const RELEASE_ORDER = '12';
// Where the empty is released: place of empty equipment despatch (98), then the depot (165).
const RELEASE_PLACES = ['98', '165'];
// DTM qualifiers of the pick-up window: 201 pick-up date/time of equipment, 7 effective.
const PICKUP_DATES = ['201', '7'];

/**
 * COPARN release order -> SHIPMENT events RELS ("equipment released") on the booking
 * (documentTypeCode BKG), ACT at the order's issue time, one per booking and release place:
 * the same milestone by shipmentEventIdentity, so the order's equipment lines (EQD) for one
 * booking and depot are one event, listed in remarks with their pick-up window; the size-type
 * and container are set when the lines agree on one. Not an EQUIPMENT event: a release order
 * authorises a move a later CODECO reports, and usually names no container yet (README).
 */
export const coparnMapping = carrierInbound('carrier-edifact-coparn', 'COPARN', (input) => {
  const { message: m, ctx, header, settings, warnings } = input;
  if (header.documentCode !== RELEASE_ORDER) {
    throw mappingError(
      `COPARN BGM ${header.documentCode ?? '(none)'} is not a container release order (12)`,
      header.bgm,
      'unsupported-document',
    );
  }
  const places = m.tree.segments('LOC');
  const lines = m.tree
    .groups('EQD')
    .map((g) => releaseLine(g, header, places, settings.timeZone, warnings, input.lenient));
  const vessel = m.tree.group('TDT')?.head;
  const common = {
    eventDateTime: issuedAt(header, m, ctx, settings.timeZone, warnings),
    transportCall: vessel && { conveyance: readConveyance(vessel) },
    carrierCode: settings.carrierCode,
  };
  return groupBy(lines, (l) => `${l.bookingNo}|${l.place?.unLocode ?? ''}`).map((group) =>
    asMappedEvent(releaseEvent(group, common, warnings)),
  );
});

/** One EQD of the order. */
interface ReleaseLine {
  bookingNo: string;
  refs: References;
  place?: Location;
  sizeType?: string;
  containerNo?: string;
  empty: 'EMPTY' | 'LADEN';
  text: string;
}

function releaseLine(
  group: SegmentGroup,
  header: MessageHeader,
  headerPlaces: EdifactSegment[],
  timeZone: string,
  warnings: string[],
  lenient?: string[],
): ReleaseLine {
  const eqd = group.head as EdifactSegment;
  const refs = withHeaderRefs(readReferences(group.segments('RFF'), warnings), header.refs);
  if (!refs.bookingNo)
    throw mappingError('release order names no booking (RFF+BN)', eqd, 'missing-booking');
  const sizeType = readSizeType(eqd);
  const containerNo = readEquipmentNo(eqd, warnings);
  const eqn = group.segment('EQN')?.get(0, 0);
  const units = eqn && /^\d+$/.test(eqn) ? Number(eqn) : 1;
  const pickup = group.segments('DTM').find((d) => PICKUP_DATES.includes(d.get(0) ?? ''));
  const text = [
    `${units} x ${sizeType ?? 'equipment'}${containerNo ? ` ${containerNo}` : ''}`,
    pickup && `pick-up from ${readDtm(pickup, timeZone, lenient).iso}`,
    readFreeText(group.segments('FTX')),
  ].filter(Boolean);
  return {
    bookingNo: refs.bookingNo,
    refs,
    place:
      locationByQualifier(group.segments('LOC'), RELEASE_PLACES, warnings) ??
      locationByQualifier(headerPlaces, RELEASE_PLACES, warnings),
    sizeType,
    containerNo,
    empty: readFullEmpty(eqd) ?? 'EMPTY',
    text: text.join(', '),
  };
}

function releaseEvent(
  lines: ReleaseLine[],
  common: Pick<ShipmentEvent, 'eventDateTime' | 'transportCall' | 'carrierCode'>,
  warnings: string[],
): ShipmentEvent {
  const first = lines[0];
  const refs: References = {
    bookingNo: first.bookingNo,
    blNo: first.refs.blNo,
    containerNos: [],
    others: lines
      .flatMap((l) => l.refs.others)
      .filter((r, i, all) => all.findIndex((o) => o.type === r.type && o.value === r.value) === i),
  };
  return compact({
    eventKind: 'SHIPMENT',
    classifier: 'ACT',
    eventCode: 'RELS',
    ...common,
    location: first.place,
    equipmentReference: only(lines.map((l) => l.containerNo)),
    isoEquipmentCode: only(lines.map((l) => l.sizeType)),
    emptyIndicator: only(lines.map((l) => l.empty)),
    documentTypeCode: 'BKG',
    documentId: first.bookingNo,
    ...eventRefs(refs, warnings),
    sourceStatusCode: RELEASE_ORDER,
    sourceStatusDescription: 'Container release order',
    remarks: `Release of ${lines.map((l) => l.text).join('; ')}`,
  });
}

/** The value when every line has the same one, else undefined. */
function only<T>(values: Array<T | undefined>): T | undefined {
  return values.length === 1 || values.every((v) => v === values[0]) ? values[0] : undefined;
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}
