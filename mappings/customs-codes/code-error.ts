import { TradeError } from '../../core/errors/trade-error';

/**
 * A customs code TradeHub cannot convert: a mapping error that names the field (as an XPath when
 * the caller knows where the code sits) so an operator sees which value to fix.
 */
export function unknownCode(
  table: string,
  field: string,
  value: string,
  xpath?: string,
): TradeError {
  return new TradeError('mapping', `${field}: "${value}" is not a known ${table}`, {
    stage: 'map',
    location: { xpath: xpath ?? field },
    code: 'CUSTOMS_CODE_UNKNOWN',
  });
}

/** Builds both directions of a one-to-one code table. */
export function twoWay<K extends string, V extends string>(
  pairs: ReadonlyArray<readonly [K, V]>,
): { forward: ReadonlyMap<K, V>; backward: ReadonlyMap<V, K> } {
  return {
    forward: new Map(pairs),
    backward: new Map(pairs.map(([k, v]) => [v, k] as const)),
  };
}
