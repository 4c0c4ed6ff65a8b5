import type { SailingSchedule } from '../../core/model/documents/logistics-schedule.schema';
import type { JsonNode } from '../json-support/json-node';
import { dateTime, optImo, optUnLocode } from '../json-support/json-values';
import { compact } from '../carrier-edifact/shipment-event.builder';
import { CUT_OFF_CODES } from '../dcsa-booking-2/booking-codes';

type Routing = SailingSchedule['routings'][number];
type Leg = Routing['legs'][number];

// DCSA modeOfTransport -> canonical transport mode.
const MODES = { VESSEL: 'SEA', BARGE: 'SEA', RAIL: 'RAIL', TRUCK: 'ROAD' } as const;
const MODE_CODES = Object.keys(MODES) as Array<keyof typeof MODES>;

/** A DCSA place with its time: `{ location: { UNLocationCode, locationName, facility }, dateTime }`. */
function plannedCall(node: JsonNode) {
  const location = node.object('location');
  const unLocode =
    optUnLocode(location, 'UNLocationCode') ?? location.fail('is required', 'UNLocationCode');
  return {
    location: compact({
      unLocode,
      name: location.optStr('locationName'),
      facilityCode: location.optObject('facility')?.optStr('facilityCode'),
    }),
    at: dateTime(node, 'dateTime'),
  };
}

function legOf(leg: JsonNode, warnings: string[]): Leg {
  const transport = leg.object('transport');
  const mode = transport.code('modeOfTransport', MODE_CODES);
  const vessel = transport.optObject('vessel');
  const partner = transport.optItems('servicePartners')[0];
  return compact({
    sequenceNo: leg.count('sequenceNumber'),
    conveyance: compact({
      mode: MODES[mode],
      vesselName: vessel?.optStr('name'),
      vesselImo: vessel && optImo(vessel, 'vesselIMONumber', warnings),
      voyageNo:
        partner?.optStr('carrierExportVoyageNumber') ??
        transport.optStr('universalExportVoyageReference'),
      carrierCode: partner?.optStr('carrierCode'),
    }),
    serviceCode: partner?.optStr('carrierServiceCode'),
    serviceName: partner?.optStr('carrierServiceName'),
    departure: plannedCall(leg.object('departure')),
    arrival: plannedCall(leg.object('arrival')),
  });
}

function routingOf(r: JsonNode, warnings: string[]): Routing {
  const cutOffs = r.optItems('cutOffTimes').map((c) => ({
    code: c.code('cutOffDateTimeCode', CUT_OFF_CODES),
    at: dateTime(c, 'cutOffDateTime'),
  }));
  return compact({
    solutionNo: r.optCount('solutionNumber') || undefined,
    placeOfReceipt: plannedCall(r.object('placeOfReceipt')),
    placeOfDelivery: plannedCall(r.object('placeOfDelivery')),
    transitTimeDays: r.optCount('transitTime'),
    cutOffs,
    legs: r
      .at('legs')
      .items()
      .map((l) => legOf(l, warnings)),
  });
}

/**
 * DCSA Commercial Schedules 1.0 point-to-point routings (GET /point-to-point-routes, a list) ->
 * one SailingSchedule: every solution with its places, planned times, cut-offs and legs.
 */
export function readPointToPoint(root: JsonNode, warnings: string[]): SailingSchedule {
  const routings = root.items().map((r) => routingOf(r, warnings));
  if (!routings.length) root.fail('offers no routing');
  return { routings };
}
