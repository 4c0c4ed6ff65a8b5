import { TradeError } from '../../core/errors/trade-error';
import type { X12WarehouseSettings } from '../x12-warehouse/x12-warehouse-settings.schema';

/**
 * Checks one outbound value against its X12 element length and the partner's separators, so a
 * bad order fails here with a JSON pointer into the FulfillmentOrder instead of deep in the
 * envelope builder.
 */
/** A 940 that cannot be written, located by JSON pointer in the FulfillmentOrder. */
export function orderError(pointer: string, message: string): TradeError {
  return new TradeError('mapping', `940 ${pointer}: ${message}`, {
    stage: 'map',
    location: { pointer },
    code: 'X12_940_VALUE',
  });
}

export type TextFitter = (value: string, min: number, max: number, pointer: string) => string;

export function textFitter(settings: X12WarehouseSettings): TextFitter {
  const { element, component, repetition, segment } = settings.separators;
  const reserved = [element, component, repetition, segment];
  return (value, min, max, pointer) => {
    const text = value.trim();
    const bad =
      text.length < min || text.length > max
        ? `must be ${min} to ${max} characters for X12`
        : reserved.find((r) => text.includes(r))
          ? 'contains an X12 separator'
          : /[\r\n]/.test(text)
            ? 'contains a line break'
            : null;
    if (bad) throw orderError(pointer, `'${text}' ${bad}`);
    return text;
  };
}
