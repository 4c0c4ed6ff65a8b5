import { readdirSync } from 'node:fs';
import { carrierPartnerRecord } from '../../connectors/carrier-edifact/carrier-partner';
import { sinoOceanLines } from '../../mappings/carrier-edifact/__fixtures__/carrier-partners.fixture';
import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import type { TestGateway } from './gateway-harness';
import type { SftpTestServer } from './sftp-server';

// Lines driven by pollNow get an interval of ~11.6 days: bull aligns repeatable ticks to
// multiples of the interval, so a scheduled tick racing a hand-driven poll is all but excluded.
const HAND_DRIVEN_SEC = 1_000_000;

/** A carrier line speaking Sino Ocean Lines' dialect, on its own folders of the test sshd. */
export async function addCarrier(
  gw: TestGateway,
  server: SftpTestServer,
  id: string,
  sftp: Record<string, unknown> = {},
) {
  const record = carrierPartnerRecord({
    id,
    name: `Carrier ${id}`,
    settings: sinoOceanLines.settings,
    sftp: server.settings(id, {
      completeness: 'edifact-unz',
      pollIntervalSec: HAND_DRIVEN_SEC,
      ...sftp,
    }),
  });
  await gw.partners.upsert(record);
  await gw.app.get(PollRuntime).resync();
  return { record, dirs: server.folders(id) };
}

export const pollNow = (gw: TestGateway, partnerId: string) =>
  gw.app.get(PollRuntime).pollNow(partnerId);

/** Names in a folder, sorted. */
export const filesIn = (dir: string) => readdirSync(dir).sort();

export interface StoredMessage {
  id: string;
  direction: string;
  state: string;
  messageType: string | null;
  duplicateOf: string | null;
  lastError: { stage?: string; reason?: string; location?: Record<string, unknown> } | null;
}

/** Messages of a partner in the store, oldest first. */
export async function messagesOf(gw: TestGateway, partnerId: string): Promise<StoredMessage[]> {
  const { rows } = await gw.pool.query<StoredMessage>(
    `SELECT id, direction, state, message_type AS "messageType", duplicate_of AS "duplicateOf",
       last_error AS "lastError" FROM messages WHERE partner_id = $1 ORDER BY received_at, id`,
    [partnerId],
  );
  return rows;
}
