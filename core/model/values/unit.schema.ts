import { z } from 'zod';

/**
 * Units of measure: the UN/ECE Recommendation 20 common codes that trade documents use.
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

export type UnitCode = keyof typeof UNIT_CODES;
const CODES = Object.keys(UNIT_CODES) as [UnitCode, ...UnitCode[]];

export const UnitCodeSchema = z.enum(CODES, {
  error: 'must be a UN/ECE Rec 20 unit code such as C62, H87, KGM, MTQ, LTR, MTR, SET',
});
