import type { WarehouseInventory } from '../../core/model/documents/warehouse.schema';
import type { UnitCode } from '../../core/model/values/unit.schema';
import { component, element, type X12Delimiters, type X12Segment } from '../codecs/x12';
import { countAt, mappingError, required } from '../x12-warehouse/x12-read.helpers';
import { unitIn } from '../x12-warehouse/x12-units.helpers';
import type { X12WarehouseSettings } from '../x12-warehouse/x12-warehouse-settings.schema';
import { ownEntry } from '../../core/collections';

type Role = 'available' | 'onHand' | 'reserved' | 'inbound' | 'unfulfillable';

/**
 * QTY01 (element 673) qualifiers TradeHub reads from an 846, and the canonical quantity each
 * adds to (primer §4: available, reserved, inbound, unfulfillable). Others are warned about.
 */
export const QTY_QUALIFIERS: Record<string, { role: Role; name: string }> = {
  '33': { role: 'available', name: 'quantity available for sale' },
  '17': { role: 'onHand', name: 'quantity on hand' },
  '27': { role: 'reserved', name: 'committed quantity' },
  '74': { role: 'unfulfillable', name: 'damaged goods' },
  '20': { role: 'unfulfillable', name: 'unusable quantity' },
  QH: { role: 'unfulfillable', name: 'quantity on hold' },
  '63': { role: 'inbound', name: 'on order quantity' },
  IQ: { role: 'inbound', name: 'in-transit quantity' },
};

export type InventoryQuantities = Pick<
  WarehouseInventory['items'][number],
  'available' | 'reserved' | 'inbound' | 'unfulfillable' | 'unit'
>;

/**
 * The canonical quantities of one item from its QTY segments. Without a 33 (available), it is
 * derived from 17 (on hand) less committed and unfulfillable units, never below zero.
 */
export function quantitiesOf(
  qtys: X12Segment[],
  anchor: X12Segment,
  settings: X12WarehouseSettings,
  d: Pick<X12Delimiters, 'component'>,
  warnings: string[],
): InventoryQuantities {
  const sums: Partial<Record<Role, number>> = {};
  let unit: UnitCode | undefined;
  for (const qty of qtys) {
    const qualifier = required(qty, 1, 'quantity qualifier');
    const known = ownEntry(QTY_QUALIFIERS, qualifier);
    if (!known) {
      warnings.push(`QTY qualifier ${qualifier} at segment ${qty.ordinal} is not mapped`);
      continue;
    }
    sums[known.role] = (sums[known.role] ?? 0) + (countAt(qty, 2, known.name) ?? 0);
    const x12Unit = component(qty, 3, 1, d);
    const u = x12Unit ? unitIn(x12Unit, qty, settings) : undefined;
    if (u && unit && u !== unit) throw mappingError(qty, `quantities in ${unit} and ${u}`);
    unit = unit ?? u;
  }
  const reserved = sums.reserved ?? 0;
  const unfulfillable = sums.unfulfillable ?? 0;
  if (sums.available === undefined && sums.onHand === undefined) {
    warnings.push(
      `${element(anchor, 1) ? `LIN ${element(anchor, 1)}` : anchor.tag} at segment ${anchor.ordinal} has no 33 or 17 quantity: available 0`,
    );
  }
  const out: InventoryQuantities = {
    available: sums.available ?? Math.max(0, (sums.onHand ?? 0) - reserved - unfulfillable),
    reserved,
    inbound: sums.inbound ?? 0,
    unfulfillable,
  };
  if (unit) out.unit = unit;
  return out;
}
