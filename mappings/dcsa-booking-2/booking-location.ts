import type { Location } from '../../core/model/values/location.schema';
import type { JsonNode } from '../json-support/json-node';
import { optUnLocode } from '../json-support/json-values';
import { LOCATION_ROLES, LOCATION_TYPE_CODES } from './booking-codes';

export type Routing = Partial<
  Record<(typeof LOCATION_ROLES)[keyof typeof LOCATION_ROLES], Location>
>;

/** A DCSA Location (UN/LOCODE, name, SMDG/BIC facility); undefined without a UN/LOCODE. */
export function readLocation(node: JsonNode): Location | undefined {
  const unLocode = optUnLocode(node, 'UNLocationCode');
  if (!unLocode) return undefined;
  return {
    unLocode,
    name: node.optStr('locationName'),
    facilityCode: node.optObject('facility')?.optStr('facilityCode'),
  };
}

/**
 * shipmentLocations -> the canonical routing (PRE, POL, POD, PDE) plus the full-container
 * drop-off (FCD). Ports must be named by UN/LOCODE; other roles without one are left out.
 */
export function readShipmentLocations(booking: JsonNode): Routing & { fullReturn?: Location } {
  const routing: Routing & { fullReturn?: Location } = {};
  for (const item of booking.optItems('shipmentLocations')) {
    const code = item.code('locationTypeCode', LOCATION_TYPE_CODES);
    const where = item.object('location');
    const location = readLocation(where);
    if (!location && (code === 'POL' || code === 'POD')) {
      where.fail(`${code} needs a UNLocationCode`, 'UNLocationCode');
    }
    if (code === 'FCD') routing.fullReturn = location;
    if (code in LOCATION_ROLES)
      routing[LOCATION_ROLES[code as keyof typeof LOCATION_ROLES]] ??= location;
  }
  return routing;
}

/** Canonical Location -> DCSA Location (SMDG facility codes have at most 6 characters). */
export function writeLocation(location: Location): Record<string, unknown> {
  const facility = location.facilityCode;
  return {
    locationName: location.name,
    UNLocationCode: location.unLocode,
    facility:
      facility && facility.length <= 6
        ? { facilityCode: facility, facilityCodeListProvider: 'SMDG' }
        : undefined,
  };
}
