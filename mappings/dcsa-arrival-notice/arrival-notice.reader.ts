import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { JsonNode } from '../json-support/json-node';
import { dateTime, optDate, optUnLocode } from '../json-support/json-values';
import { eventRefs } from '../carrier-edifact/shipment-event.builder';
import { offsetOfWallTime } from '../time-zones/zone-offset';
import { zoneOfLocode } from '../time-zones/locode-zones';

const CLASSIFIERS = ['PLN', 'EST', 'ACT'] as const;

/** The notice's B/L, carrier and vessel of the last leg (the one that calls at discharge). */
function common(notice: JsonNode, warnings: string[]) {
  const legs = notice.optObject('transport')?.optItems('legs') ?? [];
  const voyage = legs.at(-1)?.optObject('vesselVoyage');
  const refs = eventRefs(
    { blNo: notice.optStr('transportDocumentReference'), containerNos: [], others: [] },
    warnings,
  );
  return {
    refs,
    carrierCode: notice.optStr('carrierCode'),
    conveyance: voyage && {
      mode: 'SEA' as const,
      vesselName: voyage.optStr('vesselName'),
      voyageNo:
        voyage.optStr('carrierImportVoyageNumber') ??
        voyage.optStr('universalImportVoyageReference'),
    },
  };
}

/**
 * The arrival at the port of discharge the notice announces: a TRANSPORT ARRI event with the
 * notice's classifier (EST, or ACT once arrived). The date has no time: midnight at the port,
 * in the port's zone (UTC with a warning when the UN/LOCODE's zone is unknown).
 */
function arrival(notice: JsonNode, base: ReturnType<typeof common>, warnings: string[]) {
  const transport = notice.optObject('transport');
  const pod = transport?.optObject('portOfDischarge');
  const arrivalDate = transport?.optObject('portOfDischargeArrivalDate');
  if (!pod || !arrivalDate) return undefined;
  const unLocode = optUnLocode(pod, 'UNLocationCode');
  const date = optDate(arrivalDate, 'value') ?? arrivalDate.fail('is required', 'value');
  const zone = (unLocode && zoneOfLocode(unLocode)) ?? '+00:00';
  if (!unLocode || !zoneOfLocode(unLocode))
    warnings.push(`${pod.pointer}: no time zone known for the port, arrival date read in UTC`);
  const [y, m, d] = date.split('-').map(Number);
  const location = unLocode
    ? {
        unLocode,
        name: pod.optStr('locationName'),
        facilityCode: pod.optObject('facility')?.optStr('facilityCode'),
      }
    : undefined;
  const event: ShipmentEvent = {
    eventKind: 'TRANSPORT',
    classifier: arrivalDate.code('classifier', CLASSIFIERS),
    eventCode: 'ARRI',
    eventDateTime: `${date}T00:00:00${offsetOfWallTime(Date.UTC(y, m - 1, d), zone)}`,
    location,
    transportCall:
      location || base.conveyance ? { location, conveyance: base.conveyance } : undefined,
    ...base.refs,
    carrierCode: base.carrierCode,
    sourceStatusCode: 'ARRIVAL_NOTICE',
    sourceStatusDescription: 'arrival at the port of discharge, as the arrival notice states it',
  };
  return event;
}

/**
 * One DCSA Arrival Notice 1.0 -> its ShipmentEvents: the notice issued (SHIPMENT ISSU, document
 * type ARN) and, when it names them, the arrival at the port of discharge (TRANSPORT ARRI).
 * Charges and free times are the carrier's invoice terms, not milestones: left out.
 */
export function readArrivalNotice(notice: JsonNode, warnings: string[]): ShipmentEvent[] {
  const base = common(notice, warnings);
  const issued: ShipmentEvent = {
    eventKind: 'SHIPMENT',
    classifier: 'ACT',
    eventCode: 'ISSU',
    eventDateTime: dateTime(notice, 'issueDateTime'),
    documentTypeCode: 'ARN',
    documentId: notice.optStr('transportDocumentReference'),
    ...base.refs,
    carrierCode: base.carrierCode,
    sourceStatusCode: 'ARRIVAL_NOTICE',
    sourceStatusDescription: 'arrival notice issued',
  };
  const arrived = arrival(notice, base, warnings);
  return arrived ? [issued, arrived] : [issued];
}
