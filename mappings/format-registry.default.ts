import { genericOrderMapping } from './generic-order-json/generic-order.mapping';
import { FormatRegistry } from './pipeline/format-registry';
import { jsonCodec } from './codecs/json/json.codec';

/**
 * Every codec and mapping TradeHub ships. Codecs are tried for detection in this order: the
 * ones with unmistakable openings first, JSON and plain XML last.
 */
export function buildFormatRegistry(): FormatRegistry {
  return new FormatRegistry().addCodec(jsonCodec).addInbound(genericOrderMapping);
}
