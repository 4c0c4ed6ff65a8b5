import type { BookingConfirmation } from '../../core/model/documents/logistics-booking.schema';
import type { Location } from '../../core/model/values/location.schema';
import type { JsonNode } from '../json-support/json-node';
import { optDate, optImo } from '../json-support/json-values';
import { TRANSPORT_MODES, V3_MODES } from '../dcsa-tnt/tnt-codes';
import { PLAN_STAGES } from './booking-codes';
import { readLocation } from './booking-location';

export interface PlanSummary {
  vessel: BookingConfirmation['vessel'];
  loadPort?: Location;
  dischargePort?: Location;
  plannedDepartureDate?: string;
  plannedArrivalDate?: string;
}

/**
 * The carrier's transport plan, summarised as the canonical confirmation needs it: the main
 * carriage (MNC) legs in sequence give the vessel and export voyage of the first leg, the load
 * port of the first and the discharge port of the last, with their planned dates. Without a
 * plan (not yet confirmed), the vessel the booking asked for stands in.
 */
export function summarisePlan(booking: JsonNode, warnings: string[]): PlanSummary {
  const legs = booking
    .optItems('transportPlan')
    .map((leg) => ({
      leg,
      stage: leg.code('transportPlanStage', PLAN_STAGES),
      seq: leg.optNum('transportPlanStageSequenceNumber') ?? 0,
    }))
    .sort((a, b) => a.seq - b.seq);
  const main = legs.some((l) => l.stage === 'MNC') ? legs.filter((l) => l.stage === 'MNC') : legs;
  const first = main[0]?.leg;
  const last = main[main.length - 1]?.leg;
  if (!first || !last) return { vessel: requestedVessel(booking, warnings) };
  const mode = first.optCode('modeOfTransport', V3_MODES) ?? 'VESSEL';
  return {
    vessel: {
      mode: TRANSPORT_MODES[mode],
      vesselName: first.optStr('vesselName'),
      vesselImo: optImo(first, 'vesselIMONumber', warnings),
      voyageNo:
        first.optStr('carrierExportVoyageNumber') ?? first.optStr('universalExportVoyageReference'),
      carrierCode: booking.optStr('carrierCode'),
    },
    loadPort: readLocation(first.object('loadLocation')),
    dischargePort: readLocation(last.object('dischargeLocation')),
    plannedDepartureDate: optDate(first, 'plannedDepartureDate'),
    plannedArrivalDate: optDate(last, 'plannedArrivalDate'),
  };
}

function requestedVessel(booking: JsonNode, warnings: string[]): BookingConfirmation['vessel'] {
  warnings.push(`${booking.pointer || '/'}: no transport plan; the vessel asked for is given`);
  const vessel = booking.optObject('vessel');
  return {
    mode: 'SEA',
    vesselName: vessel?.optStr('name'),
    vesselImo: vessel && optImo(vessel, 'vesselIMONumber', warnings),
    voyageNo: booking.optStr('carrierExportVoyageNumber'),
    carrierCode: booking.optStr('carrierCode'),
  };
}
