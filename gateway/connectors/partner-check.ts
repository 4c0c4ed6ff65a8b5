import type { ConnectorCatalog } from '../../core/connector/catalog';
import { jsonPath } from '../../core/connector/transport-validation';
import type { PartnerCheck } from '../../core/partners/partner-validation';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';

/**
 * A partner record against what the gateway runs: its connector's transport schemas, and the
 * mappings its format entries name (the live registry, so a mapping added at run time counts).
 */
export function partnerCheck(catalog: ConnectorCatalog, formats: FormatRegistry): PartnerCheck {
  return (partner) => [
    ...catalog.partnerIssues(partner),
    ...partner.formats.flatMap((entry, i) =>
      entry.mapping && !formats.knowsMapping(entry.mapping, entry.direction)
        ? [
            {
              path: jsonPath(['formats', i, 'mapping']),
              message: `no ${entry.direction === 'both' ? '' : `${entry.direction}bound `}mapping ${entry.mapping}`,
            },
          ]
        : [],
    ),
  ];
}
