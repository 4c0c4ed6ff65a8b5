import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { SegmentGroup } from '../codecs/edifact';
import { carrierInbound } from '../carrier-edifact/carrier-inbound';
import { eventZone, type CarrierEdifactSettings } from '../carrier-edifact/carrier-settings.schema';
import { classifierOf, pickEventDate } from '../carrier-edifact/dtm-qualifiers';
import { readDtm, type DtmValue } from '../carrier-edifact/edifact-datetime';
import { mappingError } from '../carrier-edifact/mapping-error';
import { withHeaderRefs, type MessageHeader } from '../carrier-edifact/message-header';
import {
  locationByQualifier,
  readConveyance,
  readEquipmentNo,
  readFreeText,
  readFullEmpty,
  readReferences,
  readSizeType,
} from '../carrier-edifact/segment-readers';
import { asMappedEvent, compact, eventRefs } from '../carrier-edifact/shipment-event.builder';

// BGM 1001 of a COARRI: which move the terminal reports. 98 discharge report and 46 loading
// report are the codes terminals write under the SMDG COARRI guide (D.95B); the place of the
// move is the terminal (165), else the port of discharge (11) or of loading (9).
const MOVES: Record<string, { eventCode: 'DISC' | 'LOAD'; description: string; port: string }> = {
  '98': { eventCode: 'DISC', description: 'Discharge report', port: '11' },
  '46': { eventCode: 'LOAD', description: 'Loading report', port: '9' },
};

/**
 * COARRI (container discharge/loading report) -> one EQUIPMENT DISC or LOAD event per
 * container, at the terminal, on the vessel of the header TDT.
 */
export const coarriMapping = carrierInbound('carrier-edifact-coarri', 'COARRI', (input) => {
  const { message, header, settings, warnings } = input;
  const move = MOVES[header.documentCode ?? ''];
  if (!move) {
    throw mappingError(
      `COARRI BGM ${header.documentCode ?? '(none)'} is neither a discharge (98) nor a loading (46) report`,
      header.bgm,
      'unsupported-document',
    );
  }
  const voyage = message.tree.group('TDT');
  const scope: MoveScope = {
    header,
    settings,
    warnings,
    lenient: input.lenient,
    move,
    conveyance: voyage?.head && readConveyance(voyage.head),
    voyageLocs: voyage?.segments('LOC') ?? [],
  };
  return message.tree
    .groups('EQD')
    .flatMap((g) => moveEvent(g, scope))
    .map(asMappedEvent);
});

interface MoveScope {
  header: MessageHeader;
  settings: CarrierEdifactSettings;
  warnings: string[];
  lenient?: string[];
  move: (typeof MOVES)[string];
  conveyance?: ReturnType<typeof readConveyance>;
  voyageLocs: ReturnType<SegmentGroup['segments']>;
}

/**
 * The time of the move. The SMDG COARRI guide writes it as DTM 203 ("execution date: container
 * discharge/loading date/time"), a fact in this message although UNCL 2005 defines 203 as a
 * requested execution time elsewhere; otherwise the DTM qualifiers are read as for any status.
 */
function moveDate(dates: DtmValue[], warnings: string[]) {
  const executed = dates.find((d) => d.qualifier === '203');
  if (executed) return { iso: executed.iso, classifier: 'ACT' as const };
  const when = pickEventDate(dates, warnings);
  return when && { iso: when.iso, classifier: classifierOf(when.qualifier) };
}

function moveEvent(group: SegmentGroup, scope: MoveScope): ShipmentEvent[] {
  const eqd = group.head;
  if (!eqd) return [];
  if (eqd.get(0) !== 'CN') {
    scope.warnings.push(`segment ${eqd.index} EQD ${eqd.get(0) ?? ''}: not a container, left out`);
    return [];
  }
  const containerNo = readEquipmentNo(eqd, scope.warnings);
  if (!containerNo) throw mappingError('EQD names no container number', eqd, 'missing-container');
  const places = ['165', scope.move.port];
  const location =
    locationByQualifier(group.segments('LOC'), places, scope.warnings) ??
    locationByQualifier(scope.voyageLocs, places, scope.warnings);
  const zone = eventZone(scope.settings, location?.unLocode, scope.warnings);
  const when = moveDate(
    group.segments('DTM').map((d) => readDtm(d, zone, scope.lenient)),
    scope.warnings,
  );
  if (!when)
    throw mappingError(`container ${containerNo} has no move date (DTM)`, eqd, 'missing-date');
  const refs = withHeaderRefs(
    readReferences(group.segments('RFF'), scope.warnings),
    scope.header.refs,
  );
  return [
    compact({
      eventKind: 'EQUIPMENT',
      classifier: when.classifier,
      eventCode: scope.move.eventCode,
      eventDateTime: when.iso,
      eventCreatedDateTime: scope.header.documentDate?.iso,
      location,
      transportCall: scope.conveyance && compact({ location, conveyance: scope.conveyance }),
      equipmentReference: containerNo,
      isoEquipmentCode: readSizeType(eqd),
      emptyIndicator: readFullEmpty(eqd),
      ...eventRefs(refs, scope.warnings),
      carrierCode: scope.settings.carrierCode,
      sourceStatusCode: scope.header.documentCode as string,
      sourceStatusDescription: scope.move.description,
      remarks: readFreeText(group.segments('FTX')),
    }),
  ];
}
