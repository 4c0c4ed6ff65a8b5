import Decimal from 'decimal.js';
import { parseCsv } from './csv';

export type AdPlatform = 'tiktok' | 'google-ads';

export interface SpendRow {
  campaignId: string;
  campaignName: string;
  day: string;
  currency: string;
  spend: string;
  impressions: number;
  clicks: number;
}

/** The column names each export uses (README.md, "Ad spend exports"), lower-cased. */
const COLUMNS: Record<
  AdPlatform,
  Record<keyof Omit<SpendRow, 'currency'> | 'currency', string[]>
> = {
  tiktok: {
    campaignId: ['campaign id'],
    campaignName: ['campaign name'],
    day: ['date', 'by day', 'stat time day'],
    spend: ['cost', 'total cost', 'spend'],
    impressions: ['impressions', 'impression'],
    clicks: ['clicks', 'clicks (destination)'],
    currency: ['currency'],
  },
  'google-ads': {
    campaignId: ['campaign id'],
    campaignName: ['campaign'],
    day: ['day'],
    spend: ['cost'],
    impressions: ['impr.', 'impressions'],
    clicks: ['clicks'],
    currency: ['currency code', 'currency'],
  },
};

export class SpendCsvError extends Error {}

/** "1,234.56" or "1234.56" -> "1234.56"; "--" (Google's none) -> "0". */
function amount(text: string, where: string): string {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '' || cleaned === '--') return '0';
  if (!/^\d+(\.\d+)?$/.test(cleaned))
    throw new SpendCsvError(`${where}: "${text}" is not an amount`);
  return new Decimal(cleaned).toFixed();
}

/**
 * Rows of a TikTok Ads Manager or Google Ads campaign report by day. Google writes a title
 * and a date-range line above the header and a "Total" line below: the header is the first
 * line naming the campaign id column, totals are skipped. TikTok states no currency per row:
 * the account currency is given with the import.
 */
export function parseSpendCsv(
  platform: AdPlatform,
  text: string,
  accountCurrency?: string,
): SpendRow[] {
  const rows = parseCsv(text, text.includes('\t') && !text.includes(',') ? '\t' : ',');
  const names = COLUMNS[platform];
  const headerAt = rows.findIndex((r) =>
    r.some((f) => names.campaignId.includes(f.trim().toLowerCase())),
  );
  if (headerAt < 0) throw new SpendCsvError(`no header with a "${names.campaignId[0]}" column`);
  const header = rows[headerAt].map((h) => h.trim().toLowerCase());
  const col = (k: keyof typeof names) => header.findIndex((h) => names[k].includes(h));
  const at = Object.fromEntries(
    (Object.keys(names) as Array<keyof typeof names>).map((k) => [k, col(k)]),
  );
  for (const k of ['campaignId', 'day', 'spend'] as const)
    if (at[k] < 0) throw new SpendCsvError(`missing column "${names[k][0]}"`);
  return rows.slice(headerAt + 1).flatMap((r, i) => {
    const where = `line ${headerAt + i + 2}`;
    const id = r[at.campaignId]?.trim() ?? '';
    if (!id || /^total/i.test(r[0] ?? '') || id === '--') return [];
    const day = (r[at.day] ?? '').trim().slice(0, 10).replace(/\//g, '-');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw new SpendCsvError(`${where}: "${r[at.day]}" is not a day`);
    const currency = (at.currency >= 0 ? r[at.currency]?.trim() : undefined) || accountCurrency;
    if (!currency || !/^[A-Z]{3}$/.test(currency))
      throw new SpendCsvError(`${where}: no currency (give the account currency)`);
    return [
      {
        campaignId: id,
        campaignName: at.campaignName >= 0 ? r[at.campaignName]?.trim() || id : id,
        day,
        currency,
        spend: amount(r[at.spend] ?? '', `${where} cost`),
        impressions: Number(amount(r[at.impressions] ?? '', `${where} impressions`)),
        clicks: Number(amount(r[at.clicks] ?? '', `${where} clicks`)),
      },
    ];
  });
}
