import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { warehouseX12PartnerRecord } from '../../connectors/warehouse-x12';
import { keystoneSettings } from '../../connectors/warehouse-x12/__fixtures__/keystone.fixture';
import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import type { TestGateway } from '../support/gateway-harness';
import type { SftpTestServer } from '../support/sftp-server';

// Polled by hand (pollNow): an interval long enough that no scheduled tick races it.
const HAND_DRIVEN_SEC = 1_000_000;

/** A 3PL speaking Keystone's X12 dialect, on its own folders of the test sshd. */
export async function addThreePl(
  gw: TestGateway,
  server: SftpTestServer,
  id: string,
  clientId?: string,
) {
  const record = warehouseX12PartnerRecord({
    id,
    name: `3PL ${id}`,
    settings: keystoneSettings,
    sftp: server.settings(id, { pollIntervalSec: HAND_DRIVEN_SEC }),
    clientId,
  });
  await gw.partners.upsert(record);
  await gw.app.get(PollRuntime).resync();
  return { record, dirs: server.folders(id) };
}

/** A FulfillmentOrder for Keystone's Allentown DC (the 940 golden order, re-addressed). */
export function fulfillmentOrder(fulfillmentNo: string, shippingService = 'UPS-GROUND') {
  const order = JSON.parse(
    readFileSync(
      join(__dirname, '../../mappings/x12-940/golden/ups-ground-two-lines.input.json'),
      'utf8',
    ),
  ) as Record<string, unknown>;
  return {
    ...order,
    fulfillmentNo,
    provider: keystoneSettings.provider,
    warehouseCode: 'US-ABE-1',
    shippingService,
  };
}

export interface MessageView {
  id: string;
  state: string;
  messageType: string;
  lastError?: { reason?: string } | null;
  history: Array<{
    state: string;
    stage?: string;
    reason?: string;
    detail?: Record<string, unknown>;
  }>;
}

/** A message as operators see it (`GET /messages/:id`). */
export async function operatorView(gw: TestGateway, id: string): Promise<MessageView> {
  const response = await gw.request(`/messages/${id}`, { key: gw.adminKey });
  expect(response.status).toBe(200);
  return (await response.json()) as MessageView;
}
