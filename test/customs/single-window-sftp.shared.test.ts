import { readdirSync } from 'node:fs';
import {
  customsExchangeFor,
  type ReceivedReceipt,
  type SingleWindowClient,
} from '../../connectors/customs-single-window';
import type { PartnerTransport } from '../../core/partners/partner.schema';
import { requireShared } from '../../mappings/codecs/xml/shared-dir.testing';
import { ceb603 } from '../../mappings/cn-customs-outbound';
import { exportInventory } from '../../mappings/cn-customs-outbound/__fixtures__/outbound-inputs';
import { CustomsSimulator } from '../customs-simulator/customs-simulator';
import { testSingleWindowClient } from '../support/customs-simulator';
import { SftpTestServer, type PartnerFolders } from '../support/sftp-server';

const schemaDir = requireShared('schemas', 'china-customs');
let server: SftpTestServer;
let folders: PartnerFolders;
let simulator: CustomsSimulator;
let client: SingleWindowClient;

// The customs partner's exchange server is a real sshd; the simulator plays E-Port on the
// server's side of the same folders (it watches what TradeHub uploads, answers in `in`).
beforeAll(async () => {
  server = await SftpTestServer.start();
  const transport = server.settings('single-window', {
    pollIntervalSec: 1,
  }) as PartnerTransport;
  folders = server.folders('single-window');
  simulator = new CustomsSimulator({
    watchDir: folders.outboundDir,
    answerDir: folders.inboundDir,
    schemaDir,
    pollMs: 50,
  });
  simulator.start();
  client = testSingleWindowClient(customsExchangeFor(transport, 'single-window'), schemaDir);
}, 60000);

afterAll(async () => {
  await simulator?.stop();
  await server?.close();
});

async function receiptsFor(guid: string, count: number): Promise<ReceivedReceipt[]> {
  const got: ReceivedReceipt[] = [];
  while (got.length < count) {
    const poll = await client.poll();
    expect(poll.failures).toEqual([]);
    got.push(...poll.receipts.filter((r) => r.submission?.guid === guid));
    if (got.length < count) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return got;
}

describe('Single Window exchange over SFTP with the simulator', () => {
  it('uploads the DXP file, reads the answers over SFTP and archives each once', async () => {
    const submission = await client.submit(
      ceb603({
        ...exportInventory,
        head: { ...exportInventory.head, guid: '5B000000-0000-4000-8000-00000000F001' },
        messageGuid: '6C000000-0000-4000-8000-00000000F001',
        copNo: 'INV-accepted-sftp',
      }),
    );
    const receipts = await receiptsFor(submission.guid, 4);
    expect(receipts.map((r) => r.receipt.returnStatus)).toEqual(['0', '2', '120', '800']);
    expect(receipts[3].submission).toMatchObject({ final: true });
    // Read answers left the inbound folder for the archive; nothing half-written stayed out.
    expect(readdirSync(folders.inboundDir).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(readdirSync(folders.archiveDir)).toHaveLength(4);
    expect(readdirSync(folders.outboundDir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('refuses settings without a pinned host key, naming the field', () => {
    const transport = server.settings('single-window', { hostKeySha256: '' }) as PartnerTransport;
    expect(() => customsExchangeFor(transport, 'single-window')).toThrow(/hostKeySha256/);
  });
});
