import { ConnectorCatalog } from '../../core/connector/catalog';
import { connectorManifests } from '../../connectors/registry';
import { buildFormatRegistry } from '../../mappings/format-registry.default';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';

/** The codecs and every mapping the connectors declare, in the registry list's order. */
export function formatRegistryOf(catalog: ConnectorCatalog): FormatRegistry {
  return buildFormatRegistry({
    inbound: catalog.inboundMappings(),
    outbound: catalog.outboundMappings(),
  });
}

/** The codecs and the mappings of every connector in connectors/registry.ts. */
export function gatewayFormatRegistry(): FormatRegistry {
  return formatRegistryOf(new ConnectorCatalog(connectorManifests));
}
