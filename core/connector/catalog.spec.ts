import { z } from 'zod';
import type { PartnerRecord } from '../partners/partner.schema';
import { ConnectorCatalog } from './catalog';
import type { ConnectorManifest, InboundPoller } from './contract';

class SharedPoller implements InboundPoller {
  readonly kind = 'shared-drop';
  poll = () => Promise.resolve({ received: 0, deferred: 0 });
}

const settings = z.object({
  kind: z.literal('shared-drop'),
  direction: z.enum(['in', 'out', 'both']).default('in'),
  login: z.object({ user: z.string(), port: z.number().default(22) }),
});

const manifest = (id: string, extra: Partial<ConnectorManifest> = {}): ConnectorManifest => ({
  id,
  kind: 'generic',
  description: id,
  transports: ['shared-drop'],
  messageTypes: { in: [], out: [] },
  transportSchemas: { 'shared-drop': settings },
  pollers: [() => new SharedPoller()],
  ...extra,
});

const partner = (connector: string, transports: unknown[]): PartnerRecord =>
  ({ id: 'p', name: 'p', kind: 'generic', connector, transports }) as PartnerRecord;

describe('connector catalog', () => {
  const catalog = new ConnectorCatalog([manifest('a'), manifest('b')]);

  it('builds one poller per transport kind shared by two connectors', () => {
    expect([...catalog.pollers({ db: undefined as never }).keys()]).toEqual(['shared-drop']);
  });

  it('names unknown connectors, transport kinds and fields, nested ones too, by JSON path', () => {
    expect(catalog.partnerIssues(partner('c', []))).toEqual([
      { path: '$.connector', message: 'unknown connector (known: a, b)' },
    ]);
    const issues = catalog.partnerIssues(
      partner('a', [
        { kind: 'shared-drop', direction: 'in', login: { user: 'u', prot: 2222 } },
        { kind: 'shared-drop', direction: 'in', login: {}, colour: 'red' },
        { kind: 'telex', direction: 'in' },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual([
      '$.transports[0].login.prot',
      '$.transports[1].colour',
      '$.transports[1].login.user',
      '$.transports[2].kind',
    ]);
  });

  it('refuses a manifest whose transports and schemas differ, or that takes webhooks unverified', () => {
    expect(() => new ConnectorCatalog([manifest('a', { transports: ['other'] })])).toThrow(
      /transports and transportSchemas differ/,
    );
    const webhook = manifest('w', {
      transports: ['http-inbound'],
      transportSchemas: { 'http-inbound': z.object({ kind: z.literal('http-inbound') }) },
    });
    expect(() => new ConnectorCatalog([webhook])).toThrow(/declares no webhookVerifier/);
    expect(() => new ConnectorCatalog([manifest('a'), manifest('a')])).toThrow(/listed twice/);
  });

  it('acknowledges only the formats a connector declares', () => {
    const edi = new ConnectorCatalog([manifest('edi', { acknowledges: ['edifact'] })]);
    expect(edi.acknowledges('edi', 'edifact')).toBe(true);
    expect(edi.acknowledges('edi', 'x12')).toBe(false);
    expect(edi.acknowledges('nobody', 'edifact')).toBe(false);
  });
});
