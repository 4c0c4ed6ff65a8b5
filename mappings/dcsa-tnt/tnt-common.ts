import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { Location } from '../../core/model/values/location.schema';
import type { JsonNode } from '../json-support/json-node';
import { optContainerNo, optUnLocode } from '../json-support/json-values';
import { EMPTY_INDICATORS, ISO_EQUIPMENT_CODE } from './tnt-codes';

/** What readers of one message share: warnings and the reporting carrier. */
export interface ReadContext {
  warnings: string[];
  carrierCode?: string;
}

export type Kind = ShipmentEvent['eventKind'];
export type Conveyance = NonNullable<NonNullable<ShipmentEvent['transportCall']>['conveyance']>;

/**
 * A DCSA location (2.2 `location` / transportCall, 3.0 `Location`) as a canonical Location.
 * Without a UN/LOCODE (address or geo-coordinates only) there is no canonical location.
 */
export function readLocation(
  node: JsonNode,
  facilityCode: string | undefined,
  ctx: ReadContext,
): Location | undefined {
  const unLocode = optUnLocode(node, 'UNLocationCode');
  if (!unLocode) {
    ctx.warnings.push(`${node.pointer}: location without UNLocationCode is not carried over`);
    return undefined;
  }
  return { unLocode, name: node.optStr('locationName'), facilityCode };
}

/**
 * Booking and transport document references. DCSA bounds transportDocumentReference to 20
 * characters; a longer "TRD" value cannot be a B/L number and is refused where it stands.
 * An event may name several bookings or B/Ls (a consolidated departure): the first fills
 * bookingNo / transportDocumentRef, every further one is kept under references as BN / BM, so
 * the timeline attaches the event to each shipment it names.
 */
export function addDocumentReference(
  event: ShipmentEvent,
  type: string,
  value: string,
  node: JsonNode,
  key: string,
): void {
  if (type === 'BKG') keep(event, 'bookingNo', 'BN', value);
  if (type === 'TRD') {
    if (value.length > 20) node.fail(`transport document reference over 20 characters`, key);
    keep(event, 'transportDocumentRef', 'BM', value);
  }
}

function keep(
  event: ShipmentEvent,
  field: 'bookingNo' | 'transportDocumentRef',
  type: 'BN' | 'BM',
  value: string,
): void {
  if (event[field] === undefined) event[field] = value;
  else if (
    event[field] !== value &&
    !event.references?.some((r) => r.type === type && r.value === value)
  )
    event.references = [...(event.references ?? []), { type, value }];
}

/** Equipment fields shared by 2.2 EQUIPMENT events and 3.0 equipmentDetails. */
export function readEquipment(node: JsonNode, event: ShipmentEvent, required: boolean): void {
  event.equipmentReference = optContainerNo(node, 'equipmentReference');
  if (required && !event.equipmentReference) node.fail('is required', 'equipmentReference');
  const iso = node.optStr('ISOEquipmentCode');
  if (iso !== undefined && !ISO_EQUIPMENT_CODE.test(iso)) {
    node.fail(`"${iso}" is not an ISO 6346 size-type code`, 'ISOEquipmentCode', 'UNKNOWN_CODE');
  }
  event.isoEquipmentCode = iso;
  event.emptyIndicator = node.optCode('emptyIndicatorCode', EMPTY_INDICATORS);
}

/** An SMDG delay reason code has at most 3 characters. */
export function delayReason(code: JsonNode): string {
  const value = code.value;
  if (typeof value !== 'string' || !/^[A-Z0-9]{1,3}$/.test(value)) {
    code.fail('is not an SMDG delay reason code (1-3 capitals)', undefined, 'UNKNOWN_CODE');
  }
  return value;
}
