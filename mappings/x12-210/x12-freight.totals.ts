import Decimal from 'decimal.js';
import type { FreightCharge } from '../../core/model/documents/logistics-freight-invoice.schema';
import { element, type X12Segment } from '../codecs/x12';
import { sumAmounts as sumDecimals } from '../bank-statement/sum-amounts';
import { optional } from '../x12-warehouse/x12-read.helpers';

/** The charges' total, as the invoice states amounts (two decimals). */
export function sumAmounts(charges: readonly FreightCharge[]): string {
  return new Decimal(sumDecimals(charges.map((c) => c.amount.amount))).toFixed(2);
}

// X12 188 weight unit codes: K kilograms, L pounds (avoirdupois, exactly 0.45359237 kg).
const KG_PER: Record<string, string> = { K: '1', L: '0.45359237' };

/** L3 (totals): L301 weight with L302 qualifier (G gross, N net) and L312 unit; L309 volume. */
export function measuresOf(l3: X12Segment, warnings: string[]) {
  const weight = optional(l3, 1);
  const unit = optional(l3, 12);
  const perKg = unit && KG_PER[unit];
  if (weight && !perKg)
    warnings.push(`L312 weight unit '${unit ?? ''}' is not K or L: weight left out`);
  const kg =
    weight && perKg && /^\d+(\.\d+)?$/.test(weight)
      ? new Decimal(weight).times(perKg).toDecimalPlaces(3).toString()
      : undefined;
  // L310 volume unit (X12 184): X cubic metres; others are left out rather than converted.
  const volume = element(l3, 10) === 'X' ? optional(l3, 9) : undefined;
  const measures = {
    ...(kg && element(l3, 2) !== 'N' ? { grossWeightKg: kg } : {}),
    ...(kg && element(l3, 2) === 'N' ? { netWeightKg: kg } : {}),
    ...(volume && /^\d+(\.\d+)?$/.test(volume) ? { volumeM3: volume } : {}),
  };
  return Object.keys(measures).length ? measures : undefined;
}
