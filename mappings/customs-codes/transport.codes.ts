import { unknownCode } from './code-error';

/**
 * Customs transport modes (cusTrafMode / trafMode, 1 character). Road = 4 is confirmed by
 * the primer; 2 waterway, 3 railway, 5 air, 6 post follow the customs table (?).
 */
const TRANSPORT: Readonly<Record<string, string>> = {
  SEA: '2',
  INLAND_WATER: '2',
  RAIL: '3',
  ROAD: '4',
  AIR: '5',
  POST: '6',
};

export function transportModeToCustoms(mode: string, field: string): string {
  const code = TRANSPORT[mode];
  if (!code) throw unknownCode('transport mode with a customs code', field, mode);
  return code;
}

/**
 * UN/ECE Rec 21 package types -> customs package types (包装种类, 2 characters): 22 boxes of
 * paper or fibreboard, 23 of wood, 06 bags, 39 other drums, 93 natural wood pallets, 99 other
 * (codes from the customs table (?)).
 */
const PACKAGES: Readonly<Record<string, string>> = {
  CT: '22',
  BX: '22',
  CS: '23',
  BG: '06',
  SA: '06',
  DR: '39',
  PX: '93',
  PK: '99',
};

export function packageTypeToCustoms(rec21: string, field: string): string {
  const code = PACKAGES[rec21];
  if (!code) throw unknownCode('package type with a customs code', field, rec21);
  return code;
}
