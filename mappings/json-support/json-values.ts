import Decimal from 'decimal.js';
import { isValidContainerNo } from '../../core/model/values/container-no';
import { isCountryCode } from '../../core/model/values/country.codes';
import { DateSchema, DateTimeSchema } from '../../core/model/values/datetime.schema';
import { UN_LOCODE_PATTERN } from '../../core/model/values/location.schema';
import type { JsonNode } from './json-node';

/**
 * Checked readers for the trade codes partner JSON carries. Each failure points at the field
 * in the partner's input, so an operator sees "/3/equipmentReference", not a canonical path.
 */

/**
 * An optional value that does not parse: refused, or under lenient checks left out with a
 * warning at its pointer (a placeholder such as "DEPARTURE_DATE" in a sample or template).
 */
function unparsed(node: JsonNode, key: string, problem: string): undefined {
  if (!node.lenient) node.fail(problem, key);
  node.lenient.push(`${node.pointerOf(key)}: ${problem}: left out (optional)`);
  return undefined;
}

const NOT_DATE_TIME = (v: string) => `"${v}" is not an ISO 8601 date-time with zone`;

/** ISO 8601 date-time that states its zone (DCSA, ShipBob); local times are refused. */
export function optDateTime(node: JsonNode, key: string): string | undefined {
  const v = node.optStr(key);
  if (v !== undefined && !DateTimeSchema.safeParse(v).success)
    return unparsed(node, key, NOT_DATE_TIME(v));
  return v;
}

/** A required date-time: refused when absent or unparseable, whatever the checks. */
export function dateTime(node: JsonNode, key: string): string {
  const v = node.optStr(key) ?? node.fail('is required', key);
  if (!DateTimeSchema.safeParse(v).success) node.fail(`${NOT_DATE_TIME(v)} (required)`, key);
  return v;
}

/** Calendar date YYYY-MM-DD. */
export function optDate(node: JsonNode, key: string): string | undefined {
  const v = node.optStr(key);
  if (v !== undefined && !DateSchema.safeParse(v).success)
    return unparsed(node, key, `"${v}" is not a date YYYY-MM-DD`);
  return v;
}

/** ECMAScript dates reach ±8.64e15 ms (±100,000,000 days around 1970); beyond is no instant. */
const MAX_EPOCH_MILLIS = 8.64e15;

/** Epoch milliseconds (4PX FOP style) as an ISO 8601 instant in UTC. */
export function optEpochMillis(node: JsonNode, key: string): string | undefined {
  const v = node.optCount(key);
  if (v === undefined) return undefined;
  if (!(Math.abs(v) <= MAX_EPOCH_MILLIS)) {
    node.fail(`${v} is not an instant in epoch milliseconds (out of range)`, key, 'BAD_DATE');
  }
  return new Date(v).toISOString();
}

/** UN/LOCODE whose first two letters are an ISO 3166 country (XYABC is refused). */
export function optUnLocode(node: JsonNode, key: string): string | undefined {
  const v = node.optStr(key);
  if (v === undefined) return undefined;
  if (!UN_LOCODE_PATTERN.test(v)) node.fail(`"${v}" is not a UN/LOCODE`, key, 'BAD_LOCODE');
  if (!isCountryCode(v.slice(0, 2))) {
    node.fail(`"${v}" does not start with an ISO 3166 country code`, key, 'BAD_LOCODE');
  }
  return v;
}

/** ISO 6346 container number with a matching check digit. */
export function containerNoOf(node: JsonNode): string {
  const v = node.text();
  if (!isValidContainerNo(v)) {
    node.fail(
      `"${v}" is not an ISO 6346 container number (check digit)`,
      undefined,
      'BAD_CONTAINER',
    );
  }
  return v;
}

export function optContainerNo(node: JsonNode, key: string): string | undefined {
  return node.has(key) ? containerNoOf(node.at(key)) : undefined;
}

/** IMO ship number: 7 digits, the last a check digit (Σ digit_i × (7 - i), i = 0..5, mod 10). */
export function isValidImo(value: string): boolean {
  if (!/^\d{7}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(value[i]) * (7 - i);
  return sum % 10 === Number(value[6]);
}

/**
 * A vessel's IMO number. A wrong one is left out with a warning rather than refusing the
 * message: the vessel name, voyage and call still place the event.
 */
export function optImo(node: JsonNode, key: string, warnings: string[]): string | undefined {
  const v = node.optStr(key);
  if (v === undefined || isValidImo(v)) return v;
  warnings.push(`${node.pointerOf(key)}: "${v}" is not an IMO ship number (check digit), left out`);
  return undefined;
}

/** A JSON number as a plain decimal string (no exponent) for canonical quantities. */
export function decimalOf(value: number): string {
  // decimal.js reads a number by its shortest round-trip form: 0.1 stays "0.1".
  return new Decimal(value).toFixed();
}
