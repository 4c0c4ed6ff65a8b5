import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';
import { readCsvTable } from './csv-table';

/** One row of the tariff table: a duty for an HS prefix entering `destination`. */
export interface TariffRate {
  destination: string;
  hsPrefix: string;
  /** MFN, or the agreement granting the preference (RCEP, ACFTA ...). */
  scheme: string;
  /** Origin country the preference is for; `*` for MFN. */
  origin: string;
  /** AV ad valorem percent; SP specific amount per unit. */
  rateType: 'AV' | 'SP';
  rate: string;
  currency?: string;
  unit?: string;
  validFrom: string;
  validTo?: string;
}

export function parseTariffTable(text: string, source = 'tariff table'): TariffRate[] {
  return readCsvTable(text, source).map((r) => {
    if (r.rateType !== 'AV' && r.rateType !== 'SP')
      throw new Error(`${source}: rateType "${r.rateType}" is not AV or SP`);
    return {
      destination: r.destination,
      hsPrefix: r.hsPrefix,
      scheme: r.scheme,
      origin: r.origin,
      rateType: r.rateType,
      rate: r.rate,
      currency: r.currency || undefined,
      unit: r.unit || undefined,
      validFrom: r.validFrom,
      validTo: r.validTo || undefined,
    };
  });
}

export interface TariffQuestion {
  hsCode: string;
  origin: string;
  destination: string;
  /** Customs value of the shipment (CIF for EU, China and ASEAN; FOB-like for the US). */
  customsValue: Money;
  /** Quantity in the unit of a specific duty. */
  quantity?: { value: string; unit: string };
  /** Agreements the goods qualify under (from the origin evaluation). */
  qualifiesFor: string[];
  date: string;
}

export interface DutyLine {
  scheme: string;
  rate: string;
  rateType: 'AV' | 'SP';
  duty: Money;
}

export interface TariffAnswer {
  mfn?: DutyLine;
  /** The lowest preferential duty among the agreements the goods qualify for. */
  best?: DutyLine;
  /** Preferential duties the goods would get but do not qualify for (for planning). */
  notQualified: DutyLine[];
  saving: Money;
}

/** The most specific row (longest HS prefix) valid on the date, per scheme. */
function rowsFor(table: TariffRate[], q: TariffQuestion): Map<string, TariffRate> {
  const byScheme = new Map<string, TariffRate>();
  for (const r of table) {
    if (r.destination !== q.destination || !q.hsCode.startsWith(r.hsPrefix)) continue;
    if (r.origin !== '*' && r.origin !== q.origin) continue;
    if (r.validFrom > q.date || (r.validTo && r.validTo < q.date)) continue;
    const kept = byScheme.get(r.scheme);
    if (!kept || r.hsPrefix.length > kept.hsPrefix.length) byScheme.set(r.scheme, r);
  }
  return byScheme;
}

function duty(r: TariffRate, q: TariffQuestion): DutyLine {
  const currency = q.customsValue.currency;
  let amount: Decimal;
  if (r.rateType === 'AV') {
    amount = new Decimal(q.customsValue.amount).times(r.rate).div(100);
  } else {
    if (!q.quantity || q.quantity.unit !== r.unit || r.currency !== currency)
      throw new Error(
        `specific duty ${r.scheme} needs a quantity in ${r.unit} and value in ${r.currency}`,
      );
    amount = new Decimal(q.quantity.value).times(r.rate);
  }
  return {
    scheme: r.scheme,
    rate: r.rate,
    rateType: r.rateType,
    duty: { amount: amount.toFixed(2), currency },
  };
}

/** MFN against the best preference the goods qualify for, and the saving on this shipment. */
export function planTariff(table: TariffRate[], q: TariffQuestion): TariffAnswer {
  const rows = rowsFor(table, q);
  const mfnRow = rows.get('MFN');
  const mfn = mfnRow ? duty(mfnRow, q) : undefined;
  const prefs = [...rows.values()].filter((r) => r.scheme !== 'MFN').map((r) => duty(r, q));
  const qualified = prefs
    .filter((p) => q.qualifiesFor.includes(p.scheme))
    .sort((a, b) => new Decimal(a.duty.amount).cmp(b.duty.amount));
  const best = qualified[0];
  const saving =
    mfn && best && new Decimal(best.duty.amount).lt(mfn.duty.amount)
      ? new Decimal(mfn.duty.amount).minus(best.duty.amount).toFixed(2)
      : '0.00';
  return {
    mfn,
    best,
    notQualified: prefs.filter((p) => !q.qualifiesFor.includes(p.scheme)),
    saving: { amount: saving, currency: q.customsValue.currency },
  };
}
