import { readCsvTable } from './csv-table';

/** One AD/CVD measure: (market, HS prefix, origin, [exporter]) with case and validity (§11). */
export interface TradeRemedy {
  market: string;
  hsPrefix: string;
  origin: string;
  measure: 'AD' | 'CVD';
  caseNo: string;
  dutyRate: string;
  /** Customs code of an exporter with its own rate; absent for the country-wide rate. */
  exporter?: string;
  validFrom: string;
  validTo?: string;
}

export function parseTradeRemedies(text: string, source = 'trade remedies'): TradeRemedy[] {
  return readCsvTable(text, source).map((r) => {
    if (r.measure !== 'AD' && r.measure !== 'CVD')
      throw new Error(`${source}: measure "${r.measure}" is not AD or CVD`);
    return {
      market: r.market,
      hsPrefix: r.hsPrefix,
      origin: r.origin,
      measure: r.measure,
      caseNo: r.caseNo,
      dutyRate: r.dutyRate,
      exporter: r.exporter || undefined,
      validFrom: r.validFrom,
      validTo: r.validTo || undefined,
    };
  });
}

export interface RemedyQuestion {
  market: string;
  hsCode: string;
  origin: string;
  exporter?: string;
  date: string;
}

/**
 * Measures that may apply: a warning, since scope follows the written product description,
 * not the HS code (§11). Where an exporter has its own rate, that replaces the country-wide
 * one of the same case; FTAs never remove these duties.
 */
export function remediesFor(table: TradeRemedy[], q: RemedyQuestion): TradeRemedy[] {
  const valid = table.filter(
    (r) =>
      r.market === q.market &&
      r.origin === q.origin &&
      q.hsCode.startsWith(r.hsPrefix) &&
      r.validFrom <= q.date &&
      (!r.validTo || r.validTo >= q.date) &&
      (!r.exporter || r.exporter === q.exporter),
  );
  const own = new Set(valid.filter((r) => r.exporter).map((r) => `${r.measure}:${r.caseNo}`));
  return valid.filter((r) => r.exporter || !own.has(`${r.measure}:${r.caseNo}`));
}
