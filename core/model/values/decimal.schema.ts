import { z } from 'zod';

/** Plain decimal: optional '-', digits, optional fraction; no exponent, no '+', no grouping. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const UNSIGNED_PATTERN = /^\d+(\.\d+)?$/;

export const DecimalStringSchema = z
  .string()
  .regex(
    DECIMAL_PATTERN,
    'must be a plain decimal string like "1234.56" (no exponent, no grouping)',
  );

/** Quantities, weights, rates: never negative. */
export const NonNegativeDecimalSchema = z
  .string()
  .regex(UNSIGNED_PATTERN, 'must be a non-negative decimal string like "12.5"');

/** A percentage such as "13" (13 %) or "0.5"; kept as a decimal string like money. */
export const PercentSchema = NonNegativeDecimalSchema.meta({ description: 'percent, e.g. "13"' });
