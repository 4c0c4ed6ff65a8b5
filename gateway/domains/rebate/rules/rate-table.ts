import library from './rebate-rates.json';

export interface RateRow {
  hsCode: string;
  validFrom: string;
  validTo?: string;
  ratePercent: string;
}

type RawRow = ReadonlyArray<string | null>;

/** Reads rows of the rate file (format in rebate-rates.json); a bad row fails loudly. */
export function parseRates(rows: readonly RawRow[]): RateRow[] {
  return rows.map((row) => {
    const [hsCode, validFrom, validTo, ratePercent] = row;
    if (
      !hsCode ||
      !/^\d{10}$/.test(hsCode) ||
      !validFrom ||
      !ratePercent ||
      !/^\d+$/.test(ratePercent)
    ) {
      throw new Error(
        `rebate rate row ${JSON.stringify(row)} is not [hsCode, validFrom, validTo, ratePercent]`,
      );
    }
    return { hsCode, validFrom, ...(validTo ? { validTo } : {}), ratePercent };
  });
}

export const DEFAULT_RATES: readonly RateRow[] = parseRates(library.rows);

/** The rate in force for goods exported on `exportDate`; undefined when the library has none. */
export function rebateRate(
  rows: readonly RateRow[],
  hsCode: string,
  exportDate: string,
): string | undefined {
  return rows.find(
    (r) =>
      r.hsCode === hsCode && r.validFrom <= exportDate && (!r.validTo || exportDate <= r.validTo),
  )?.ratePercent;
}
