import { z } from 'zod';
import type { ConnectorManifest, OutboundTransport } from '../../../core/connector/contract';
import {
  FAKE_CONNECTOR,
  FakeDropPoller,
  FakeSendTransport,
  fakeOrderMapping,
  fakeOrderRender,
  fakeVerifier,
} from './fake-parts';

const direction = z.enum(['in', 'out', 'both']);

/**
 * A connector that exists only in tests: one folder and a manifest. The suite adds it to the
 * registry list and nothing else, and the gateway runs its poller, transport, verifier and
 * mappings (test/connectors/fake-connector.test.ts).
 */
export const fakeCourierManifest: ConnectorManifest = {
  id: FAKE_CONNECTOR,
  kind: 'generic',
  description: 'Test-only courier: bodies dropped on a fake server, a key-checked webhook',
  transports: ['fake-drop', 'fake-send', 'http-inbound'],
  messageTypes: { in: ['fake.courier-order'], out: ['fake.courier-order'] },
  transportSchemas: {
    'fake-drop': z.object({
      kind: z.literal('fake-drop'),
      direction: direction.default('in'),
      pollIntervalSec: z.number().int().positive().default(3600),
    }),
    'fake-send': z.object({ kind: z.literal('fake-send'), direction: direction.default('out') }),
    'http-inbound': z.object({
      kind: z.literal('http-inbound'),
      direction: direction.default('in'),
      key: z.string().min(8),
    }),
  },
  pollers: [() => new FakeDropPoller()],
  outboundTransports: [(): OutboundTransport => new FakeSendTransport()],
  webhookVerifier: fakeVerifier,
  mappings: { inbound: [fakeOrderMapping], outbound: [fakeOrderRender] },
};
