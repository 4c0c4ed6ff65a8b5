import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import type { JsonNode } from '../json-support/json-node';
import { containerNoOf } from '../json-support/json-values';
import { ISO_EQUIPMENT_CODE } from '../dcsa-tnt/tnt-codes';

type Equipment = Booking['equipment'][number];

/** ISO 6346 size-type (22G1) or type group (22GP), refused where it stands otherwise. */
function isoCode(node: JsonNode): string {
  const code = node.str('ISOEquipmentCode');
  if (!ISO_EQUIPMENT_CODE.test(code)) {
    node.fail(`"${code}" is not an ISO 6346 size-type code`, 'ISOEquipmentCode', 'UNKNOWN_CODE');
  }
  return code;
}

/** confirmedEquipments or requestedEquipments -> canonical equipment (n units of a type). */
export function readEquipment(node: JsonNode, warnings?: string[]): Equipment {
  if (node.has('activeReeferSettings')) {
    warnings?.push(`${node.pointer}/activeReeferSettings: reefer settings are not carried over`);
  }
  const units = node.count('units');
  if (units < 1) node.fail('must be at least 1', 'units');
  const containerNos = node.optItems('equipmentReferences').map(containerNoOf);
  return {
    isoEquipmentCode: isoCode(node),
    units,
    isShipperOwned: node.optBool('isShipperOwned'),
    containerNos: containerNos.length ? containerNos : undefined,
  };
}
