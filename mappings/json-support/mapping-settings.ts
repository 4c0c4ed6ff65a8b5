import { TradeError } from '../../core/errors/trade-error';

/**
 * A string setting of the partner's mapping settings (partner records are data, so a wrong
 * type there is a configuration error, not a fault of the message).
 */
export function settingString(
  settings: Record<string, unknown> | undefined,
  key: string,
): string | undefined {
  const value = settings?.[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new TradeError('config', `mapping setting "${key}" must be a string`, {
      stage: 'map',
      code: 'BAD_SETTING',
    });
  }
  return value;
}

/** A setting restricted to a list of values, with a default. */
export function settingChoice<T extends string>(
  settings: Record<string, unknown> | undefined,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = settingString(settings, key) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new TradeError(
      'config',
      `mapping setting "${key}" is "${value}", expected one of ${allowed.join(', ')}`,
      { stage: 'map', code: 'BAD_SETTING' },
    );
  }
  return value as T;
}

/** A true/false setting; absent is undefined. */
export function settingBool(
  settings: Record<string, unknown> | undefined,
  key: string,
): boolean | undefined {
  const value = settings?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new TradeError('config', `mapping setting "${key}" must be true or false`, {
      stage: 'map',
      code: 'BAD_SETTING',
    });
  }
  return value;
}
