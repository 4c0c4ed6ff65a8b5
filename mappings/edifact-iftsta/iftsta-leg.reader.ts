import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { eventZone } from '../carrier-edifact/carrier-settings.schema';
import { readDtm } from '../carrier-edifact/edifact-datetime';
import { readConveyance, readLocation } from '../carrier-edifact/segment-readers';
import { compact } from '../carrier-edifact/shipment-event.builder';
import type { StatusScope } from './iftsta-status.reader';

// UNCL 2005 times of a leg's call: departure (186 actual, 133 estimated, 189 scheduled) and
// arrival (178 actual, 132 estimated, 232 scheduled).
const CALL_TIMES: Readonly<Record<string, { eventCode: 'DEPA' | 'ARRI'; classifier: ShipmentEvent['classifier'] }>> = {
  '186': { eventCode: 'DEPA', classifier: 'ACT' },
  '133': { eventCode: 'DEPA', classifier: 'EST' },
  '189': { eventCode: 'DEPA', classifier: 'PLN' },
  '178': { eventCode: 'ARRI', classifier: 'ACT' },
  '132': { eventCode: 'ARRI', classifier: 'EST' },
  '232': { eventCode: 'ARRI', classifier: 'PLN' },
}; // prettier-ignore

export interface LegScope extends StatusScope {
  /** What every event of the status carries: references, carrier, source code. */
  common: Partial<ShipmentEvent>;
  /** The container of the status, for the legs' events. */
  equipment?: string;
}

/**
 * The TDT group of a status (D.00B SG6 with its LOC/DTM SG7) as TRANSPORT events of that leg:
 * each call's departure and arrival times, actual, estimated or scheduled, at its place. A
 * DTM of another qualifier there is left out with a warning.
 */
export function legEvents(tdtGroup: SegmentGroup, scope: LegScope): ShipmentEvent[] {
  const tdt = tdtGroup.head as EdifactSegment;
  const conveyance = readConveyance(tdt);
  return tdtGroup.groups('LOC').flatMap((call) => {
    const loc = call.head as EdifactSegment;
    const location = readLocation(loc, scope.warnings);
    if (!location) return [];
    const zone = eventZone(scope.settings, location.unLocode, scope.warnings);
    return call.segments('DTM').flatMap((dtm) => {
      const kind = CALL_TIMES[dtm.get(0, 0) ?? ''];
      if (!kind) {
        scope.warnings.push(
          `segment ${dtm.index} DTM ${dtm.get(0, 0) ?? ''}: not a departure or arrival time of the leg, left out`,
        );
        return [];
      }
      const when = readDtm(dtm, zone, scope.lenient);
      return [
        compact({
          ...scope.common,
          eventKind: 'TRANSPORT',
          classifier: kind.classifier,
          eventCode: kind.eventCode,
          eventDateTime: when.iso,
          location,
          transportCall: { location, conveyance },
          equipmentReference: scope.equipment,
          sourceStatusDescription: `leg ${tdt.get(0) ?? ''} ${kind.eventCode === 'DEPA' ? 'departure' : 'arrival'} (LOC ${loc.get(0) ?? ''}, DTM ${when.qualifier})`,
        }) as ShipmentEvent,
      ];
    });
  });
}
