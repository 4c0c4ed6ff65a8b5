import { twoWay, unknownCode } from './code-error';

/**
 * Legacy China customs currency codes (海关货币代码) used by CEB messages, e.g. `142` = CNY.
 * Only `142` is confirmed by the primer (§1.1, every CEB sample); the others come from the same
 * customs code table as remembered by the team and are marked (?) in the README.
 */
const CURRENCIES = twoWay([
  ['142', 'CNY'],
  ['110', 'HKD'],
  ['116', 'JPY'],
  ['121', 'MOP'],
  ['122', 'MYR'],
  ['129', 'PHP'],
  ['132', 'SGD'],
  ['133', 'KRW'],
  ['136', 'THB'],
  ['143', 'TWD'],
  ['300', 'EUR'],
  ['302', 'DKK'],
  ['303', 'GBP'],
  ['326', 'NOK'],
  ['330', 'SEK'],
  ['331', 'CHF'],
  ['344', 'RUB'],
  ['501', 'CAD'],
  ['502', 'USD'],
  ['601', 'AUD'],
  ['609', 'NZD'],
] as const);

/** Customs currency code -> ISO 4217; an unknown code is a mapping error naming `field`. */
export function currencyToIso(code: string, field: string, xpath?: string): string {
  const iso = CURRENCIES.forward.get(code.trim() as never);
  if (!iso) throw unknownCode('customs currency code', field, code, xpath);
  return iso;
}

/** ISO 4217 -> customs currency code. */
export function currencyToCustoms(iso: string, field: string): string {
  const code = CURRENCIES.backward.get(iso.toUpperCase() as never);
  if (!code) throw unknownCode('currency with a customs code', field, iso);
  return code;
}
