import Decimal from 'decimal.js';
import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import type { JsonNode } from '../json-support/json-node';
import { mappingError } from '../json-support/json-node';
import { decimalOf } from '../json-support/json-values';
import { VOLUME_UNITS, WEIGHT_UNITS } from './booking-codes';

type CargoItem = Booking['cargo'][number];

// Exact definitions: 1 lb = 0.45359237 kg, 1 ft³ = 0.028316846592 m³; kept to grams / litres.
export const TO_KG = { KGM: '1', LBR: '0.45359237' } as const;
export const TO_M3 = { MTQ: '1', FTQ: '0.028316846592' } as const;

export function measure(
  node: JsonNode,
  key: string,
  units: readonly string[],
  factors: Record<string, string>,
) {
  const m = node.optObject(key);
  if (!m) return undefined;
  const unit = m.code('unit', units);
  const value = m.optNum('value') ?? m.fail('is required', 'value');
  if (value <= 0) m.fail('must be greater than 0', 'value');
  const factor = factors[unit];
  return factor === '1'
    ? decimalOf(value)
    : new Decimal(value).times(factor).toDecimalPlaces(3).toFixed();
}

/** DCSA requestedEquipments[].commodities -> canonical cargo items. */
export function readCommodities(equipment: JsonNode, warnings: string[]): CargoItem[] {
  const commodities = equipment.optItems('commodities');
  // The equipment's gross weight stands for its one commodity; it cannot be split among several.
  const shared = measure(equipment, 'cargoGrossWeight', WEIGHT_UNITS, TO_KG);
  return commodities.map((c) => {
    const hsCodes = c.optItems('HSCodes').map((h) => h.text());
    if (hsCodes.length > 1) warnings.push(`${c.pointer}/HSCodes: only the first HS code is kept`);
    const weight = measure(c, 'cargoGrossWeight', WEIGHT_UNITS, TO_KG);
    const packaging = c.optObject('outerPackaging');
    const dg = packaging?.optItems('dangerousGoods')[0];
    return {
      description: c.str('commodityType'),
      hsCode: hsCodes[0],
      grossWeightKg:
        weight ??
        (commodities.length === 1 ? shared : undefined) ??
        c.fail('cargoGrossWeight is required (on the commodity or its one equipment)'),
      volumeM3: measure(c, 'cargoGrossVolume', VOLUME_UNITS, TO_M3),
      packages: packaging?.has('packageCode')
        ? {
            count: packaging.count('numberOfPackages'),
            packageType: packaging.str('packageCode'),
            description: packaging.optStr('description'),
          }
        : undefined,
      dangerousGoods: dg && { unNumber: dg.str('UNNumber'), imoClass: dg.str('imoClass') },
    };
  });
}

/** Canonical cargo item -> DCSA CommodityShipper; `pointer` locates the item in the payload. */
export function writeCommodity(item: CargoItem, pointer: string): Record<string, unknown> {
  // DCSA dangerous goods need a proper shipping name, packing and pollutant flags the
  // canonical booking does not carry: such a booking needs its DG data first.
  if (item.dangerousGoods) {
    throw mappingError(
      'dangerous goods need DCSA DG details (properShippingName, ...)',
      `${pointer}/dangerousGoods`,
    );
  }
  const p = item.packages;
  return {
    commodityType: item.description,
    HSCodes: item.hsCode ? [item.hsCode] : undefined,
    cargoGrossWeight: { value: Number(item.grossWeightKg), unit: 'KGM' },
    cargoGrossVolume: item.volumeM3 ? { value: Number(item.volumeM3), unit: 'MTQ' } : undefined,
    outerPackaging:
      p && p.count > 0
        ? { packageCode: p.packageType, numberOfPackages: p.count, description: p.description }
        : undefined,
  };
}
