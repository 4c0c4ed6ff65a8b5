import type { Codec, InboundMapping, OutboundMapping } from '../core/translation/contract';
import { edifactCodec } from './codecs/edifact';
import { x12Codec } from './codecs/x12';
import { swiftMtCodec } from './codecs/swift-mt';
import { cnCustomsCodec } from './codecs/cn-customs/cn-customs.codec';
import { iso20022Codec } from './codecs/iso20022/iso20022.codec';
import { xmlCodec } from './codecs/xml/xml.codec';
import { jsonCodec } from './codecs/json/json.codec';
import { FormatRegistry } from './pipeline/format-registry';

/**
 * Every codec TradeHub ships, in detection order: the ones with unmistakable openings first,
 * China customs and ISO 20022 before plain XML, JSON last.
 */
export const defaultCodecs: readonly Codec[] = [
  edifactCodec,
  x12Codec,
  swiftMtCodec,
  cnCustomsCodec,
  iso20022Codec,
  xmlCodec,
  jsonCodec,
];

/** The mappings to register; the gateway takes them from the connector manifests. */
export interface MappingSet {
  inbound?: readonly InboundMapping[];
  outbound?: readonly OutboundMapping[];
}

/**
 * The codecs and the given mappings. Where two mappings take the same message type, the first
 * registered is the default and a partner record picks another by id.
 */
export function buildFormatRegistry(mappings: MappingSet): FormatRegistry {
  const registry = new FormatRegistry();
  for (const codec of defaultCodecs) registry.addCodec(codec);
  for (const mapping of mappings.inbound ?? []) registry.addInbound(mapping);
  for (const mapping of mappings.outbound ?? []) registry.addOutbound(mapping);
  return registry;
}
