import type { CebRecord } from '../codecs/cn-customs/ceb-types';
import type { CebSchemaProblem } from './ceb-validate';

/** A rule on one field: required or not, and the pattern its text must match (primer §1.1). */
type Rule = readonly [field: string, required: boolean, pattern: RegExp, what: string];

const DIGITS = (n: number) => new RegExp(`^\\d{${n}}$`);
const ALPHA3 = /^[A-Z]{3}$/;
// BigDecimal(14,4): up to 10 integer digits and 4 decimals.
const AMOUNT = /^\d{1,10}(\.\d{1,4})?$/;
const QUANTITY = /^\d{1,14}(\.\d{1,5})?$/;
const TEXT = /\S/;

const HEAD: readonly Rule[] = [
  ['ieFlag', true, /^[EI]$/, 'E or I'],
  ['customMaster', true, DIGITS(4), 'a 4-digit customs district code'],
  ['iePort', true, DIGITS(4), 'a 4-digit customs district code'],
  ['despPortCode', false, /^[0-9A-Z]{6}$/, '6 characters'],
  ['distinatePort', false, /^[A-Z]{3}\d{3}$/, 'ISO alpha-3 and 3 digits'],
  ['cusTrafMode', true, /^[0-9A-Z]$/, '1 character'],
  ['billNo', false, /^.{1,32}$/, 'at most 32 characters'],
  ['supvModeCdde', true, DIGITS(4), 'a 4-digit supervision mode'],
  ['cutMode', false, DIGITS(3), 'a 3-digit levy nature'],
  ['transMode', true, /^[1-7]$/, 'a transaction mode 1-7'],
  ['feeMark', false, /^[123]$/, '1, 2 or 3'],
  ['feeRate', false, AMOUNT, 'a decimal (14,4)'],
  ['insurMark', false, /^[123]$/, '1, 2 or 3'],
  ['insurRate', false, AMOUNT, 'a decimal (14,4)'],
  ['otherMark', false, /^[123]$/, '1, 2 or 3'],
  ['otherRate', false, AMOUNT, 'a decimal (14,4)'],
  ['cusTradeCountry', true, ALPHA3, 'a 3-letter customs country code'],
  ['cusTradeNationCode', true, ALPHA3, 'a 3-letter customs country code'],
  ['packNo', true, /^\d+$/, 'a whole number of packages'],
  ['wrapType', true, /^[0-9A-Z]{2}$/, 'a 2-character package type'],
  ['grossWt', true, QUANTITY, 'a weight in kg'],
  ['netWt', true, QUANTITY, 'a weight in kg'],
  ['tradeScc', true, /^[0-9A-Z]{18}$/, 'an 18-character USCC'],
  ['tradeCode', true, /^[0-9A-Z]{10}$/, 'a 10-character customs code'],
  ['tradeName', true, TEXT, 'the trader name'],
  ['ownerScc', false, /^[0-9A-Z]{18}$/, 'an 18-character USCC'],
  ['ownerCode', false, /^[0-9A-Z]{10}$/, 'a 10-character customs code'],
  ['agentScc', false, /^[0-9A-Z]{18}$/, 'an 18-character USCC'],
  ['agentCode', false, /^[0-9A-Z]{10}$/, 'a 10-character customs code'],
  ['declTrnRel', true, /^[0-4]$/, '0-4'],
];

const LINE: readonly Rule[] = [
  ['gNo', true, /^[1-9]\d*$/, 'a line number'],
  ['codeTs', true, DIGITS(10), 'a 10-digit commodity code'],
  ['ciqCode', false, DIGITS(3), 'a 3-digit CIQ code'],
  ['gName', true, TEXT, 'the goods name'],
  ['declPrice', true, AMOUNT, 'a decimal (14,4)'],
  ['declTotal', true, AMOUNT, 'a decimal (14,4)'],
  ['tradeCurr', true, /^[A-Z]{3}$/, 'an ISO 4217 currency'],
  ['gQty', true, QUANTITY, 'a quantity'],
  ['gUnit', true, DIGITS(3), 'a 3-digit unit code'],
  ['firstQty', true, QUANTITY, 'a quantity'],
  ['firstUnit', true, DIGITS(3), 'a 3-digit unit code'],
  ['secondQty', false, QUANTITY, 'a quantity'],
  ['secondUnit', false, DIGITS(3), 'a 3-digit unit code'],
  ['originCountry', true, ALPHA3, 'a 3-letter customs country code'],
  ['destinationCountry', true, ALPHA3, 'a 3-letter customs country code'],
  ['districtCode', false, DIGITS(5), 'a 5-digit district code'],
];

function check(rec: CebRecord, rules: readonly Rule[], at: string): CebSchemaProblem[] {
  const problems: CebSchemaProblem[] = [];
  for (const [field, required, pattern, what] of rules) {
    const value = rec[field];
    if (value === undefined || value === '') {
      if (required) problems.push({ xpath: `${at}/${field}`, message: `${field} is missing` });
    } else if (typeof value !== 'string' || !pattern.test(value)) {
      problems.push({ xpath: `${at}/${field}`, message: `${field} must be ${what}` });
    }
  }
  return problems;
}

/**
 * The field rules of a goods declaration file (DecMessage: DecHead and its DecList lines), in
 * place of an XSD: no official schema of the declaration is at hand, so each field is checked
 * against the formats of primer §1.1. Each problem names its field by XPath.
 */
export function declarationFieldProblems(
  business: Record<string, CebRecord[]>,
): CebSchemaProblem[] {
  const heads = business.DecHead ?? [];
  const lines = business.DecList ?? [];
  if (heads.length !== 1)
    return [{ xpath: '/DecMessage/DecHead', message: 'a declaration has one DecHead' }];
  if (lines.length === 0)
    return [{ xpath: '/DecMessage/DecList', message: 'a declaration has at least one DecList' }];
  return [
    ...check(heads[0], HEAD, '/DecMessage/DecHead'),
    ...lines.flatMap((l, i) => check(l, LINE, `/DecMessage/DecList[${i + 1}]`)),
  ];
}
