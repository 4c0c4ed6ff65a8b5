import Decimal from 'decimal.js';

/** Sum of decimal strings, written with as many decimals as the most precise of them. */
export function sumAmounts(amounts: readonly string[]): string {
  const places = Math.max(0, ...amounts.map((a) => a.split('.')[1]?.length ?? 0));
  return amounts.reduce((sum, a) => sum.plus(a), new Decimal(0)).toFixed(places);
}
