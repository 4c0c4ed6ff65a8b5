import { SpendCsvError, parseSpendCsv } from './ad-spend-csv';
import { parseCsv } from './csv';

describe('ad spend exports', () => {
  it('reads a TikTok report by day with the account currency', () => {
    const csv =
      '\uFEFFCampaign name,Campaign ID,Date,Cost,Impressions,Clicks\r\n"Nov, SG",T-1,2026-11-01,"1,005.50",12000,310\r\n';
    expect(parseSpendCsv('tiktok', csv, 'USD')).toEqual([
      {
        campaignId: 'T-1',
        campaignName: 'Nov, SG',
        day: '2026-11-01',
        currency: 'USD',
        spend: '1005.5',
        impressions: 12000,
        clicks: 310,
      },
    ]);
    expect(() => parseSpendCsv('tiktok', csv)).toThrow(/no currency/);
  });

  it('skips the Google Ads title lines and the total line, and reads "--" as none', () => {
    const csv =
      'Campaign report\nNovember 2026\nDay,Campaign ID,Campaign,Currency code,Cost,Impr.,Clicks\n2026-11-04,555,Search,EUR,8.00,--,--\nTotal: Account,--,--,EUR,8.00,0,0\n';
    expect(parseSpendCsv('google-ads', csv)).toEqual([
      {
        campaignId: '555',
        campaignName: 'Search',
        day: '2026-11-04',
        currency: 'EUR',
        spend: '8',
        impressions: 0,
        clicks: 0,
      },
    ]);
  });

  it('names the line of a bad day or amount, and a missing column', () => {
    const head = 'Day,Campaign ID,Campaign,Currency code,Cost\n';
    expect(() => parseSpendCsv('google-ads', `${head}04/11/26,555,S,EUR,8\n`)).toThrow(
      /line 2: "04\/11\/26" is not a day/,
    );
    expect(() => parseSpendCsv('google-ads', `${head}2026-11-04,555,S,EUR,8 EUR\n`)).toThrow(
      SpendCsvError,
    );
    expect(() => parseSpendCsv('google-ads', 'Day,Campaign ID\n2026-11-04,1\n')).toThrow(
      /missing column "cost"/,
    );
  });

  it('parses quoted fields with doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b ""x""\ny",c\n1,2,3')).toEqual([
      ['a', 'b "x"\ny', 'c'],
      ['1', '2', '3'],
    ]);
  });
});
