import type { UnitCode } from '../../core/model/values/unit.schema';
import { unknownCode } from './code-error';

/**
 * China customs units of measure (计量单位, 3 digits) and their UN/ECE Rec 20 equivalents.
 * Counting units customs distinguishes by shape (台 machine, 只, 件, 盒 box, 瓶 bottle ...) are
 * all one piece (H87) in Rec 20; the declaration keeps the customs code itself, so nothing is
 * lost there. Codes from the customs unit table (?) except 007 and 035, seen in every sample.
 */
const TO_REC20: Readonly<Record<string, UnitCode>> = {
  '001': 'H87', // 台
  '006': 'SET', // 套
  '007': 'H87', // 个
  '008': 'H87', // 只
  '011': 'H87', // 件
  '012': 'H87', // 支
  '016': 'H87', // 把
  '017': 'H87', // 块
  '010': 'H87', // 张
  '025': 'PR', // 双
  '026': 'PR', // 对
  '030': 'MTR', // 米
  '032': 'MTK', // 平方米
  '033': 'MTQ', // 立方米
  '035': 'KGM', // 千克
  '036': 'GRM', // 克
  '070': 'TNE', // 吨
  '095': 'LTR', // 升
  '096': 'MLT', // 毫升
  '120': 'H87', // 箱
  '125': 'H87', // 包
  '127': 'DZN', // 打
  '136': 'H87', // 袋
  '140': 'H87', // 盒
  '142': 'H87', // 瓶
};

/** Rec 20 -> the customs unit TradeHub declares; pieces are declared as 个 (007). */
const FROM_REC20: Readonly<Partial<Record<UnitCode, string>>> = {
  H87: '007',
  C62: '007',
  EA: '007',
  NAR: '007',
  SET: '006',
  PR: '025',
  NPR: '025',
  DZN: '127',
  MTR: '030',
  MTK: '032',
  MTQ: '033',
  KGM: '035',
  GRM: '036',
  TNE: '070',
  LTR: '095',
  MLT: '096',
};

export function unitToRec20(code: string, field: string, xpath?: string): UnitCode {
  const unit = TO_REC20[code.trim()];
  if (!unit) throw unknownCode('customs unit code', field, code, xpath);
  return unit;
}

export function unitToCustoms(unit: string, field: string): string {
  const code = FROM_REC20[unit];
  if (!code) throw unknownCode('unit with a customs code', field, unit);
  return code;
}

/** True for a customs unit of weight, whose quantity must agree with the net weight. */
export function isWeightUnit(code: string): boolean {
  return code === '035' || code === '036' || code === '070';
}
