import { twoWay, unknownCode } from './code-error';

/**
 * China customs country codes. CEB messages use the legacy 3-digit table (`116` Japan, `142`
 * China, primer §1.1); declarations (H2018) use the 3-letter GB/T 2659 codes, i.e. ISO 3166-1
 * alpha-3. One row per country: [ISO alpha-2, alpha-3, legacy numeric]. Only `142` and `116`
 * appear in official samples; the rest follow the customs table from memory (?).
 */
const COUNTRIES: ReadonlyArray<readonly [string, string, string]> = [
  ['CN', 'CHN', '142'],
  ['HK', 'HKG', '110'],
  ['MO', 'MAC', '121'],
  ['TW', 'TWN', '143'],
  ['JP', 'JPN', '116'],
  ['KR', 'KOR', '133'],
  ['SG', 'SGP', '132'],
  ['MY', 'MYS', '122'],
  ['TH', 'THA', '136'],
  ['VN', 'VNM', '141'],
  ['ID', 'IDN', '112'],
  ['PH', 'PHL', '129'],
  ['KH', 'KHM', '107'],
  ['LA', 'LAO', '119'],
  ['MM', 'MMR', '106'],
  ['BN', 'BRN', '105'],
  ['IN', 'IND', '111'],
  ['AE', 'ARE', '138'],
  ['SA', 'SAU', '131'],
  ['TR', 'TUR', '137'],
  ['BE', 'BEL', '301'],
  ['DK', 'DNK', '302'],
  ['GB', 'GBR', '303'],
  ['DE', 'DEU', '304'],
  ['FR', 'FRA', '305'],
  ['IE', 'IRL', '306'],
  ['IT', 'ITA', '307'],
  ['LU', 'LUX', '308'],
  ['NL', 'NLD', '309'],
  ['GR', 'GRC', '310'],
  ['PT', 'PRT', '311'],
  ['ES', 'ESP', '312'],
  ['SE', 'SWE', '330'],
  ['CH', 'CHE', '331'],
  ['RU', 'RUS', '344'],
  ['CA', 'CAN', '501'],
  ['US', 'USA', '502'],
  ['MX', 'MEX', '429'],
  ['BR', 'BRA', '410'],
  ['AU', 'AUS', '601'],
  ['NZ', 'NZL', '609'],
];

const alpha3 = twoWay(COUNTRIES.map(([a2, a3]) => [a2, a3] as const));
const legacy = twoWay(COUNTRIES.map(([a2, , num]) => [a2, num] as const));

/** A customs country code, legacy numeric (`116`) or alpha-3 (`JPN`), -> ISO alpha-2. */
export function countryToIso(code: string, field: string, xpath?: string): string {
  const value = code.trim().toUpperCase();
  const iso = /^\d{3}$/.test(value) ? legacy.backward.get(value) : alpha3.backward.get(value);
  if (!iso) throw unknownCode('customs country code', field, code, xpath);
  return iso;
}

/** ISO alpha-2 -> the legacy numeric code CEB messages carry. */
export function countryToCeb(iso: string, field: string): string {
  const code = legacy.forward.get(iso.toUpperCase());
  if (!code) throw unknownCode('country with a CEB code', field, iso);
  return code;
}

/** ISO alpha-2 -> the alpha-3 code declarations carry. */
export function countryToDeclaration(iso: string, field: string): string {
  const code = alpha3.forward.get(iso.toUpperCase());
  if (!code) throw unknownCode('country with a customs code', field, iso);
  return code;
}
