import type { PartnerRecord } from '../partners/partner.schema';
import type { FormatId, InboundMapping, OutboundMapping } from '../translation/contract';
import type {
  ConnectorDeps,
  ConnectorManifest,
  InboundPoller,
  OutboundTransport,
  WebhookVerifier,
} from './contract';
import { jsonPath, settingsIssues, type FieldIssue } from './transport-validation';

export type { FieldIssue } from './transport-validation';

function byKind<T extends { kind: string }>(items: T[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const seen = map.get(item.kind);
    // A shared transport (SFTP) is declared by each connector that uses it: one instance.
    if (seen && seen.constructor !== item.constructor)
      throw new Error(`two different ${what}s declare transport kind ${item.kind}`);
    if (!seen) map.set(item.kind, item);
  }
  return map;
}

/**
 * Everything the connectors bring, assembled from their manifests: the gateway asks this for
 * pollers, transports, verifiers and mappings, and to check a partner record, so adding a
 * connector is one folder and one line in connectors/registry.ts.
 */
export class ConnectorCatalog {
  private readonly byId: Map<string, ConnectorManifest>;

  constructor(readonly manifests: readonly ConnectorManifest[]) {
    this.byId = new Map();
    for (const manifest of manifests) {
      if (this.byId.has(manifest.id)) throw new Error(`connector ${manifest.id} listed twice`);
      checkManifest(manifest);
      this.byId.set(manifest.id, manifest);
    }
  }

  manifest(id: string): ConnectorManifest | undefined {
    return this.byId.get(id);
  }

  pollers(deps: ConnectorDeps): Map<string, InboundPoller> {
    const all = this.manifests.flatMap((m) => (m.pollers ?? []).map((make) => make(deps)));
    return byKind(all, 'poller');
  }

  outboundTransports(deps: ConnectorDeps): Map<string, OutboundTransport> {
    const all = this.manifests.flatMap((m) =>
      (m.outboundTransports ?? []).map((make) => make(deps)),
    );
    return byKind(all, 'outbound transport');
  }

  /** Webhook verifiers by connector id; a connector without one cannot receive pushes. */
  webhookVerifiers(): Map<string, WebhookVerifier> {
    return new Map(
      this.manifests.flatMap((m) => (m.webhookVerifier ? [[m.id, m.webhookVerifier]] : [])),
    );
  }

  inboundMappings(): InboundMapping[] {
    return this.manifests.flatMap((m) => m.mappings?.inbound ?? []);
  }

  outboundMappings(): OutboundMapping[] {
    return this.manifests.flatMap((m) => m.mappings?.outbound ?? []);
  }

  /** Whether partners of this connector may ask for the standard acknowledgement of a format. */
  acknowledges(connector: string, format: FormatId): boolean {
    return this.byId.get(connector)?.acknowledges?.includes(format) ?? false;
  }

  /**
   * Every problem of a partner record against its connector: unknown connector, a transport
   * kind the connector does not bring, or a bad or unknown settings field, by JSON path.
   */
  partnerIssues(partner: PartnerRecord): FieldIssue[] {
    const manifest = this.byId.get(partner.connector);
    if (!manifest) {
      const known = [...this.byId.keys()].join(', ');
      return [{ path: '$.connector', message: `unknown connector (known: ${known})` }];
    }
    return partner.transports.flatMap((transport, i) => {
      const schema = manifest.transportSchemas[transport.kind];
      if (!schema) {
        return [
          {
            path: jsonPath(['transports', i, 'kind']),
            message: `connector ${manifest.id} has no transport ${transport.kind} (it has ${manifest.transports.join(', ')})`,
          },
        ];
      }
      return settingsIssues(schema, transport, ['transports', i]);
    });
  }
}

function checkManifest(manifest: ConnectorManifest): void {
  const declared = Object.keys(manifest.transportSchemas).sort().join();
  if ([...manifest.transports].sort().join() !== declared)
    throw new Error(`connector ${manifest.id}: transports and transportSchemas differ`);
  // Webhooks fail closed: pushes need a verifier of the connector's own.
  if (manifest.transports.includes('http-inbound') && !manifest.webhookVerifier)
    throw new Error(`connector ${manifest.id} takes http-inbound but declares no webhookVerifier`);
}
