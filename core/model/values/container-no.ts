import { z } from 'zod';

/**
 * ISO 6346 container number: 3-letter owner code, category (U freight container, J detachable
 * equipment, Z trailer/chassis), 6-digit serial, check digit. Letters count from A=10 upwards,
 * skipping multiples of 11 (so B=12, L=23, V=34); check = Σ value_i × 2^i mod 11 mod 10.
 */
const SHAPE = /^[A-Z]{3}[UJZ]\d{7}$/;

const LETTER_VALUES: Record<string, number> = {};
for (let ch = 65, value = 10; ch <= 90; ch++, value++) {
  if (value % 11 === 0) value++;
  LETTER_VALUES[String.fromCharCode(ch)] = value;
}

/** The check digit for the first 10 characters (owner, category, serial). */
export function containerCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = first10.charAt(i);
    const value = /\d/.test(ch) ? Number(ch) : (LETTER_VALUES[ch] ?? NaN);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

export function isValidContainerNo(value: string): boolean {
  return SHAPE.test(value) && containerCheckDigit(value.slice(0, 10)) === Number(value.charAt(10));
}

/**
 * A container number as a carrier reports it: the ISO 6346 shape only. Carriers do send numbers
 * that fail the check digit, and the event must still reach the timeline: the mapping checks it
 * and warns on the message (operators see it there).
 */
export const ReportedContainerNoSchema = z
  .string()
  .regex(SHAPE, 'must be an ISO 6346 container number like CSQU3054383 (no spaces)');

/** A container number in a document TradeHub sends or is asked to act on: the check digit must match. */
export const ContainerNoSchema = ReportedContainerNoSchema.refine(isValidContainerNo, {
  error: 'ISO 6346 check digit does not match',
});
