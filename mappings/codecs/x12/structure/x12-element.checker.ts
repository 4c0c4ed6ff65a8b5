import { issue } from '../x12-issue';
import type { X12Issue, X12Segment } from '../x12.types';
import { ELEMENT_RULES } from './x12-element.rules';
import type { X12ElementRule } from './x12-structure';
import { ownEntry } from '../../../../core/collections';

const DIGITS = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;
function hasControlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function validDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const mo = Number(value.slice(4, 6));
  const d = Number(value.slice(6, 8));
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= last;
}

function validTime(value: string): boolean {
  const t = /^(\d{2})(\d{2})(\d{2}(\d{1,2})?)?$/.exec(value);
  if (!t) return false;
  const seconds = t[3] === undefined ? 0 : Number(t[3].slice(0, 2));
  return Number(t[1]) < 24 && Number(t[2]) < 60 && seconds < 60;
}

/** Length as X12 counts it: numbers without sign and decimal point. */
function lengthOf(value: string, rule: X12ElementRule): number {
  return rule.type === 'N0' || rule.type === 'N2' || rule.type === 'R'
    ? value.replace(/[-.]/g, '').length
    : value.length;
}

/** The 997 element error code (AK403) of one value, or null when it is right. */
export function elementError(value: string, rule: X12ElementRule): string | null {
  if (value === '') return rule.mandatory ? '1' : null;
  const len = lengthOf(value, rule);
  if (len < rule.min) return '4';
  if (len > rule.max) return '5';
  switch (rule.type) {
    case 'N0':
    case 'N2':
      return DIGITS.test(value) ? null : '6';
    case 'R':
      return DECIMAL.test(value) ? null : '6';
    case 'DT':
      return validDate(value) ? null : '8';
    case 'TM':
      return validTime(value) ? null : '9';
    case 'AN':
    case 'ID':
      return hasControlChar(value) ? '6' : null;
  }
}

const MESSAGES: Record<string, string> = {
  '1': 'mandatory data element missing',
  '4': 'data element too short',
  '5': 'data element too long',
  '6': 'invalid character in data element',
  '8': 'invalid date',
  '9': 'invalid time',
};

/** Checks a segment against its element rules; `positionInSet` is ST = 1. */
export function checkElements(seg: X12Segment, positionInSet: number): X12Issue[] {
  const rules = ownEntry(ELEMENT_RULES, seg.tag);
  if (!rules) return [];
  const found: X12Issue[] = [];
  rules.forEach((rule, i) => {
    const value = seg.elements[i] ?? '';
    const code = elementError(value, rule);
    if (code === null) return;
    const name = `${seg.tag}${String(i + 1).padStart(2, '0')}`;
    found.push(
      issue('element', 'ELEMENT_INVALID', `${name}: ${MESSAGES[code]}`, seg, {
        ak3: '8',
        ak4: code,
        segmentId: seg.tag,
        positionInSet,
        elementPosition: i + 1,
        elementRef: rule.ref,
        badValue: value === '' ? undefined : value,
      }),
    );
  });
  return found;
}
