import { TradeError } from '../../core/errors/trade-error';
import type { UnitCode } from '../../core/model/values/unit.schema';
import type { X12Segment } from '../codecs/x12';
import { mappingError } from './x12-read.helpers';
import type { X12WarehouseSettings } from './x12-warehouse-settings.schema';
import { ownEntry } from '../../core/collections';

// X12 element 355 -> UN/ECE Rec 20, or Rec 21 for packages. EA (each) is a piece (H87); CA case,
// CT carton, BX box and PL pallet are Rec 21 package types (CS, CT, BX, PX), which the canonical
// unit list takes since it holds all of Rec 20 and Rec 21. Anything else must be mapped in the
// partner settings (uomIn) and is refused until it is.
const DEFAULT_IN: Record<string, UnitCode> = {
  EA: 'H87',
  PC: 'H87',
  LB: 'LBR',
  KG: 'KGM',
  PR: 'PR',
  DZ: 'DZN',
  CA: 'CS',
  CT: 'CT',
  BX: 'BX',
  PL: 'PX',
};

// Rec 20 -> X12: H87 piece and C62 one both travel as EA.
const DEFAULT_OUT: Partial<Record<UnitCode, string>> = {
  H87: 'EA',
  C62: 'EA',
  EA: 'EA',
  LBR: 'LB',
  KGM: 'KG',
  PR: 'PR',
  DZN: 'DZ',
};

/** The Rec 20 unit of an inbound X12 unit at `seg`, or a located mapping error. */
export function unitIn(
  x12Unit: string,
  seg: X12Segment,
  settings: Pick<X12WarehouseSettings, 'uomIn'>,
): UnitCode {
  const unit = ownEntry(settings.uomIn, x12Unit) ?? ownEntry(DEFAULT_IN, x12Unit);
  if (!unit) {
    throw mappingError(
      seg,
      `unit '${x12Unit}' has no Rec 20 mapping in the partner settings (uomIn)`,
      'X12_UNIT',
    );
  }
  return unit;
}

/** The X12 unit for an outbound canonical unit (absent = piece = EA). */
export function unitOut(
  unit: UnitCode | undefined,
  pointer: string,
  settings: Pick<X12WarehouseSettings, 'uomOut'>,
): string {
  const code = unit ?? 'H87';
  const x12 = settings.uomOut[code] ?? DEFAULT_OUT[code];
  if (!x12) {
    throw new TradeError('mapping', `unit ${code} has no X12 mapping in the partner settings`, {
      stage: 'map',
      location: { pointer },
      code: 'X12_UNIT',
    });
  }
  return x12;
}
