import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { SegmentGroup } from '../codecs/edifact';
import { carrierInbound } from '../carrier-edifact/carrier-inbound';
import { eventZone, type CarrierEdifactSettings } from '../carrier-edifact/carrier-settings.schema';
import { classifierOf, pickEventDate } from '../carrier-edifact/dtm-qualifiers';
import { readDtm } from '../carrier-edifact/edifact-datetime';
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

// BGM 1001 of a CODECO: which gate the report is about (SMDG/ITIGG CODECO guides).
const GATES: Record<string, { eventCode: 'GTIN' | 'GTOT'; description: string }> = {
  '34': { eventCode: 'GTIN', description: 'Gate-in report' },
  '36': { eventCode: 'GTOT', description: 'Gate-out report' },
};
// Where the box passed the gate: terminal (165), goods location (14), then ports and depots.
const GATE_PLACES = ['165', '14', '9', '11', '98', '99'];

/** CODECO (container gate-in/gate-out report) -> one EQUIPMENT GTIN/GTOT event per container. */
export const codecoMapping = carrierInbound('carrier-edifact-codeco', 'CODECO', (input) => {
  const { message, header, settings, warnings } = input;
  const gate = GATES[header.documentCode ?? ''];
  if (!gate) {
    throw mappingError(
      `CODECO BGM ${header.documentCode ?? '(none)'} is neither a gate-in (34) nor a gate-out (36) report`,
      header.bgm,
      'unsupported-document',
    );
  }
  const vessel = message.tree.group('TDT')?.head;
  const scope = {
    header,
    settings,
    warnings,
    lenient: input.lenient,
    gate,
    conveyance: vessel && readConveyance(vessel),
  };
  return message.tree
    .groups('EQD')
    .flatMap((g) => gateEvent(g, scope))
    .map(asMappedEvent);
});

interface GateScope {
  header: MessageHeader;
  settings: CarrierEdifactSettings;
  warnings: string[];
  lenient?: string[];
  gate: (typeof GATES)[string];
  conveyance?: ReturnType<typeof readConveyance>;
}

function gateEvent(group: SegmentGroup, scope: GateScope): ShipmentEvent[] {
  const eqd = group.head;
  if (!eqd) return [];
  if (eqd.get(0) !== 'CN') {
    scope.warnings.push(`segment ${eqd.index} EQD ${eqd.get(0) ?? ''}: not a container, left out`);
    return [];
  }
  const containerNo = readEquipmentNo(eqd, scope.warnings);
  if (!containerNo) throw mappingError('EQD names no container number', eqd, 'missing-container');
  const location = locationByQualifier(group.segments('LOC'), GATE_PLACES, scope.warnings);
  const zone = eventZone(scope.settings, location?.unLocode, scope.warnings);
  const when = pickEventDate(
    group.segments('DTM').map((d) => readDtm(d, zone, scope.lenient)),
    scope.warnings,
  );
  if (!when)
    throw mappingError(`container ${containerNo} has no gate date (DTM)`, eqd, 'missing-date');
  const refs = withHeaderRefs(
    readReferences(group.segments('RFF'), scope.warnings),
    scope.header.refs,
  );
  return [
    compact({
      eventKind: 'EQUIPMENT',
      classifier: classifierOf(when.qualifier),
      eventCode: scope.gate.eventCode,
      eventDateTime: when.iso,
      eventCreatedDateTime: scope.header.documentDate?.iso,
      location,
      transportCall: scope.conveyance && { conveyance: scope.conveyance },
      equipmentReference: containerNo,
      isoEquipmentCode: readSizeType(eqd),
      emptyIndicator: readFullEmpty(eqd),
      ...eventRefs(refs, scope.warnings),
      carrierCode: scope.settings.carrierCode,
      sourceStatusCode: scope.header.documentCode as string,
      sourceStatusDescription: scope.gate.description,
      remarks: readFreeText(group.segments('FTX')),
    }),
  ];
}
