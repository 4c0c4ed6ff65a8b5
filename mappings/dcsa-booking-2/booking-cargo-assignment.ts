import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import { mappingError } from '../json-support/json-node';
import { writeCommodity } from './booking-cargo';

/**
 * DCSA Booking 2.0 describes cargo inside each requested equipment ("2 x 20' each holding
 * shoes and t-shirts"). The canonical booking lists cargo beside equipment, linked only by a
 * container number, so: an item naming a container goes to the equipment holding it; the
 * rest goes to the one equipment type when there is only one. Anything else is ambiguous
 * and refused at the item, rather than guessed.
 */
export function assignCargo(b: Booking): Array<Record<string, unknown>> {
  const groups = b.equipment.map(() => [] as Array<Record<string, unknown>>);
  b.cargo.forEach((item, i) => {
    const pointer = `/cargo/${i}`;
    const byContainer = item.containerNo
      ? b.equipment.findIndex((e) => e.containerNos?.includes(item.containerNo as string))
      : -1;
    const index = byContainer >= 0 ? byContainer : b.equipment.length === 1 ? 0 : -1;
    if (index < 0) {
      throw mappingError(
        'cannot tell which requested equipment carries this cargo: give its containerNo',
        pointer,
      );
    }
    groups[index].push(writeCommodity(item, pointer));
  });
  return b.equipment.map((e, j) => {
    if (!groups[j].length)
      throw mappingError('no cargo is assigned to this equipment', `/equipment/${j}`);
    return {
      ISOEquipmentCode: e.isoEquipmentCode,
      units: e.units,
      isShipperOwned: e.isShipperOwned ?? false,
      equipmentReferences: e.containerNos,
      commodities: groups[j],
    };
  });
}
