import type { BookingConfirmation } from '../../core/model/documents/logistics-booking.schema';
import type { SegmentGroup } from '../codecs/edifact';
import { mappingError } from '../carrier-edifact/mapping-error';
import { readEquipmentNo, readSizeType } from '../carrier-edifact/segment-readers';

type Equipment = BookingConfirmation['equipment'][number];

/**
 * EQD groups as equipment lines: one per size-type and ownership (8077 1 = shipper's own),
 * EQN units added up (1 when absent), container numbers collected and ISO 6346 checked.
 */
export function readEquipment(eqdGroups: SegmentGroup[]): Equipment[] {
  const lines = new Map<string, Equipment>();
  for (const g of eqdGroups) {
    const eqd = g.head;
    if (!eqd || eqd.get(0) !== 'CN') continue;
    const sizeType = readSizeType(eqd);
    if (!sizeType)
      throw mappingError('EQD has no ISO size-type code (C224)', eqd, 'missing-size-type');
    const shipperOwned = eqd.get(3) === '1';
    const eqn = g.segment('EQN')?.get(0, 0);
    if (eqn !== undefined && !/^[1-9]\d*$/.test(eqn)) {
      throw mappingError(
        `EQN "${eqn}" is not a number of units`,
        g.segment('EQN'),
        'equipment-units',
      );
    }
    const key = `${sizeType}|${shipperOwned}`;
    const line = lines.get(key) ?? {
      isoEquipmentCode: sizeType,
      units: 0,
      ...(shipperOwned ? { isShipperOwned: true } : {}),
    };
    line.units += eqn === undefined ? 1 : Number(eqn);
    const containerNo = readEquipmentNo(eqd);
    if (containerNo) line.containerNos = [...(line.containerNos ?? []), containerNo];
    lines.set(key, line);
  }
  return [...lines.values()];
}
