import { join } from 'node:path';
import { ConnectorCatalog } from '../core/connector/catalog';
import { validatePartner } from '../core/partners/partner-validation';
import { readSeedFolder } from '../core/partners/seed-files';
import { connectorManifests } from './registry';

describe('connector registry', () => {
  const catalog = new ConnectorCatalog(connectorManifests);

  it('passes every seeded partner through its connector with the variables at their defaults', () => {
    const seed = readSeedFolder(join(__dirname, '../gateway/seed'), {});
    expect(seed.partners.length).toBeGreaterThan(0);
    for (const { record, file } of seed.partners) {
      expect(() => validatePartner(record, (p) => catalog.partnerIssues(p), file)).not.toThrow();
    }
  });

  it('gives every connector taking webhooks a verifier of its own, and no fallback', () => {
    const verifiers = catalog.webhookVerifiers();
    const takingPushes = connectorManifests.filter((m) => m.transports.includes('http-inbound'));
    expect([...verifiers.keys()].sort()).toEqual(takingPushes.map((m) => m.id).sort());
    for (const [id, verifier] of verifiers) expect(verifier.connector).toBe(id);
  });

  it('registers each mapping once', () => {
    const ids = [...catalog.inboundMappings(), ...catalog.outboundMappings()].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
