import type { X12ElementRule, X12ElementType } from './x12-structure';

const r = (ref: string, mandatory: boolean, type: X12ElementType, min: number, max: number) => ({
  ref,
  mandatory,
  type,
  min,
  max,
});
const M = (ref: string, type: X12ElementType, min: number, max: number) =>
  r(ref, true, type, min, max);
const O = (ref: string, type: X12ElementType, min: number, max: number) =>
  r(ref, false, type, min, max);

/**
 * Element rules (004010 data element dictionary) for the envelope segments and the beginning
 * segment of each transaction set described here; other segments are checked for structure only.
 */
export const ELEMENT_RULES: Record<string, X12ElementRule[]> = {
  ST: [M('143', 'ID', 3, 3), M('329', 'AN', 4, 9), O('1705', 'AN', 1, 35)],
  SE: [M('96', 'N0', 1, 10), M('329', 'AN', 4, 9)],
  W05: [
    M('473', 'ID', 1, 1),
    M('324', 'AN', 1, 22),
    O('324', 'AN', 1, 22),
    O('324', 'AN', 1, 22),
    O('127', 'AN', 1, 30),
  ],
  W06: [
    M('353', 'ID', 1, 1),
    M('324', 'AN', 1, 22),
    M('373', 'DT', 8, 8),
    M('145', 'AN', 1, 30),
    O('145', 'AN', 1, 30),
    O('324', 'AN', 1, 22),
  ],
  W17: [M('353', 'ID', 1, 1), M('373', 'DT', 8, 8), M('127', 'AN', 1, 30), O('324', 'AN', 1, 22)],
  BIA: [
    M('353', 'ID', 2, 2),
    M('755', 'ID', 2, 2),
    M('127', 'AN', 1, 30),
    M('373', 'DT', 8, 8),
    O('337', 'TM', 4, 8),
  ],
  BSN: [
    M('353', 'ID', 2, 2),
    M('396', 'AN', 2, 30),
    M('373', 'DT', 8, 8),
    M('337', 'TM', 4, 8),
    O('1005', 'ID', 4, 4),
  ],
  B3: [
    O('147', 'ID', 1, 1),
    M('76', 'AN', 1, 22),
    O('145', 'AN', 1, 30),
    M('146', 'ID', 2, 2),
    O('188', 'ID', 1, 1),
    M('373', 'DT', 8, 8),
    M('193', 'N2', 1, 12),
  ],
  B4: [
    O('152', 'ID', 2, 3),
    O('71', 'N0', 1, 3),
    O('157', 'ID', 1, 2),
    O('373', 'DT', 8, 8),
    O('161', 'TM', 4, 4),
  ],
  LX: [M('554', 'N0', 1, 6)],
  HL: [M('628', 'AN', 1, 12), O('734', 'AN', 1, 12), M('735', 'ID', 1, 2), O('736', 'ID', 1, 1)],
  AK1: [M('479', 'ID', 2, 2), M('28', 'N0', 1, 9), O('480', 'AN', 1, 12)],
  AK2: [M('143', 'ID', 3, 3), M('329', 'AN', 4, 9), O('1705', 'AN', 1, 35)],
  AK5: [M('717', 'ID', 1, 1), O('718', 'ID', 1, 3)],
  AK9: [M('715', 'ID', 1, 1), M('97', 'N0', 1, 6), M('123', 'N0', 1, 6), M('2', 'N0', 1, 6)],
};
