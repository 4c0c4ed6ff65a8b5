import { z } from 'zod';
import { REC20_CODES, REC21_CODES } from './unit-codes.data';

/**
 * Units of measure: every UN/ECE Recommendation 20 code and Recommendation 21 package code is
 * accepted (unit-codes.data.ts); UNIT_CODES names the ones trade documents use most.
 * Partner units (customs 3-digit units, marketplace words) are mapped to these in mappings;
 * customs statutory units stay separate, as the declaration needs them verbatim.
 */
export const UNIT_CODES = {
  C62: 'one (unit)',
  H87: 'piece',
  EA: 'each',
  NAR: 'number of articles',
  NPR: 'number of pairs',
  PR: 'pair',
  DZN: 'dozen',
  SET: 'set',
  KGM: 'kilogram',
  GRM: 'gram',
  MGM: 'milligram',
  TNE: 'tonne',
  LBR: 'pound',
  ONZ: 'ounce',
  MTR: 'metre',
  CMT: 'centimetre',
  MMT: 'millimetre',
  KMT: 'kilometre',
  INH: 'inch',
  FOT: 'foot',
  YRD: 'yard',
  MTK: 'square metre',
  CMK: 'square centimetre',
  FTK: 'square foot',
  MTQ: 'cubic metre',
  CMQ: 'cubic centimetre',
  FTQ: 'cubic foot',
  LTR: 'litre',
  MLT: 'millilitre',
  GLL: 'US gallon',
  KWH: 'kilowatt hour',
  HUR: 'hour',
  DAY: 'day',
  MON: 'month',
  ANN: 'year',
  E48: 'service unit',
} as const;

const REC20 = new Set(REC20_CODES.split(' '));
const REC21 = new Set(REC21_CODES.split(' '));
/** Withdrawn from Rec 20 but still sent by partners (NPR: number of pairs, now PR). */
const WITHDRAWN = new Set(['NPR']);

/** A Rec 20 unit, or a Rec 21 package type (bare, or with EN 16931's "X" prefix). */
export type UnitCode = string;

/** True for any code of Rec 20 or Rec 21 (see unit-codes.data.ts for the source). */
export function isUnitCode(code: string): boolean {
  return REC20.has(code) || WITHDRAWN.has(code) || isPackageCode(code);
}

/** True for a Rec 21 package type code, e.g. CT (carton) or its EN 16931 form XCT. */
export function isPackageCode(code: string): boolean {
  return REC21.has(code) || (code.length === 3 && code[0] === 'X' && REC21.has(code.slice(1)));
}

const MESSAGE =
  'must be a UN/ECE Rec 20 unit or Rec 21 package code such as C62, H87, KGM, MTQ, CT';

// A pattern, not an enum of 2,000 codes: the JSON Schema stays readable; the lists check.
export const UnitCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]{2,3}$/, MESSAGE)
  .refine(isUnitCode, { message: MESSAGE });
