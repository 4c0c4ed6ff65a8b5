import Decimal from 'decimal.js';
import { isValidContainerNo } from '../../core/model/values/container-no';
import { UN_LOCODE_PATTERN, type Location } from '../../core/model/values/location.schema';
import { element, type X12Segment } from '../codecs/x12';
import { isValidImo } from '../json-support/json-values';
import { optional } from '../x12-warehouse/x12-read.helpers';

// X12 packaging form codes (data element 103) a carrier writes on L0, as Rec 21 package types.
const PACKAGE_TYPES: Record<string, string> = {
  PKG: 'PK',
  CTN: 'CT',
  CAS: 'CS',
  BOX: 'BX',
  PLT: 'PX',
  BAG: 'BG',
  DRM: 'DR',
  BDL: 'BE',
  CRT: 'CR',
  ROL: 'RO',
};

// X12 188 weight unit codes: K kilograms, L pounds (exactly 0.45359237 kg).
const KG_PER: Record<string, string> = { K: '1', L: '0.45359237' };

/** A weight element in kg, given the unit element's position; undefined when either is unknown. */
export function weightKg(seg: X12Segment, at: number, unitAt: number): string | undefined {
  const value = optional(seg, at);
  const perKg = KG_PER[element(seg, unitAt)];
  if (!value || !perKg || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  return new Decimal(value).times(perKg).toDecimalPlaces(3).toString();
}

/** A volume in cubic metres (unit qualifier X), else undefined. */
export function volumeM3(seg: X12Segment, at: number, unitAt: number): string | undefined {
  const value = optional(seg, at);
  return value && element(seg, unitAt) === 'X' && /^\d+(\.\d+)?$/.test(value) ? value : undefined;
}

/** L008 lading quantity in L009 packaging form, as canonical packages. */
export function packagesOf(l0: X12Segment, warnings: string[]) {
  const count = optional(l0, 8);
  const form = optional(l0, 9);
  if (!count || !form || !/^\d+$/.test(count)) return undefined;
  const packageType = PACKAGE_TYPES[form];
  if (!packageType) {
    warnings.push(`L009 packaging form ${form} has no Rec 21 package type: packages left out`);
    return undefined;
  }
  return { count: Number(count), packageType };
}

/** R4 (port or terminal) with R401 function `fn`: its UN/LOCODE (R402 UN) and name. */
export function portOf(
  r4s: readonly X12Segment[],
  fn: string,
  warnings: string[],
): Location | undefined {
  const r4 = r4s.find((r) => element(r, 1) === fn);
  if (!r4) return undefined;
  const code = element(r4, 3).replace(/\s+/g, '').toUpperCase();
  if (element(r4, 2) !== 'UN' || !UN_LOCODE_PATTERN.test(code)) {
    warnings.push(`R4 ${fn} "${element(r4, 3)}" is not a UN/LOCODE, place left out`);
    return undefined;
  }
  const name = optional(r4, 4);
  return name ? { unLocode: code, name } : { unLocode: code };
}

/** V1: V101 vessel code (an IMO number when V108 is L and it passes), V102 name, V104 voyage. */
export function vesselOf(v1: X12Segment | undefined, scac: string | undefined) {
  const id = v1 && optional(v1, 1);
  return Object.fromEntries(
    Object.entries({
      mode: 'SEA' as const,
      vesselName: v1 && optional(v1, 2),
      vesselImo: v1 && element(v1, 8) === 'L' && id && isValidImo(id) ? id : undefined,
      voyageNo: v1 && optional(v1, 4),
      carrierCode: scac,
    }).filter(([, v]) => v !== undefined),
  ) as { mode: 'SEA'; vesselName?: string; vesselImo?: string; voyageNo?: string };
}

/**
 * N7 (equipment) with the M7 seals after it: N701+N702 the container, N703/N704 its weight
 * (N717 unit), N705 tare, N718 the check digit when N702 has 6 digits, N722 the ISO size-type. A number that fails ISO 6346 is left out:
 * the B/L model holds valid container numbers only.
 */
export function containerOf(n7: X12Segment, seals: string[], warnings: string[]) {
  // N702 carries the check digit, or leaves it to N718.
  const serial = optional(n7, 2) ?? '';
  const no = `${optional(n7, 1) ?? ''}${serial}${serial.length === 6 ? element(n7, 18) : ''}`;
  if (!isValidContainerNo(no)) {
    warnings.push(`N7 container "${no}" is not a valid ISO 6346 number, left out`);
    return undefined;
  }
  const iso = optional(n7, 22);
  const gross = element(n7, 4) === 'G' ? weightKg(n7, 3, 17) : undefined;
  return Object.fromEntries(
    Object.entries({
      containerNo: no,
      isoEquipmentCode: iso && /^[0-9A-Z]{4}$/.test(iso) ? iso : undefined,
      seals: seals.length ? seals : undefined,
      grossWeightKg: gross,
      tareWeightKg: weightKg(n7, 5, 17),
    }).filter(([, v]) => v !== undefined),
  ) as { containerNo: string };
}
