import { readdirSync } from 'node:fs';
import { PartnerRecordSchema, type PartnerTransport } from '../../core/partners/partner.schema';
import { inTransaction } from '../../core/storage/database';
import { readSftpSettings } from '../../connectors/transports/sftp';
import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { CustomsOutbox } from '../../gateway/domains/clearance/customs-outbox';
import { requireShared } from '../../mappings/codecs/xml/shared-dir.testing';
import { ceb603 } from '../../mappings/cn-customs-outbound';
import { exportInventory } from '../../mappings/cn-customs-outbound/__fixtures__/outbound-inputs';
import { CustomsSimulator } from '../customs-simulator/customs-simulator';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { startRecordingGateway } from '../support/recording-handler';
import { SftpTestServer, type PartnerFolders } from '../support/sftp-server';

const schemaDir = requireShared('schemas', 'china-customs');
const PARTNER = 'single-window-sftp';
let server: SftpTestServer;
let folders: PartnerFolders;
let simulator: CustomsSimulator;
let gw: TestGateway;

// The customs partner's exchange server is a real sshd; the simulator plays E-Port on the
// server's side of the same folders (it watches what TradeHub uploads, answers in `in`). The
// gateway files through the partner's sftp transport and polls the answers like any partner.
beforeAll(async () => {
  server = await SftpTestServer.start();
  folders = server.folders(PARTNER);
  simulator = new CustomsSimulator({
    watchDir: folders.outboundDir,
    answerDir: folders.inboundDir,
    schemaDir,
    pollMs: 50,
  });
  simulator.start();
  process.env.CUSTOMS_SCHEMA_DIR = schemaDir;
  process.env.CLEARANCE_PARTNER_ID = PARTNER;
  gw = await startRecordingGateway();
  await gw.partners.upsert(
    PartnerRecordSchema.parse({
      id: PARTNER,
      name: 'Single Window over SFTP',
      kind: 'customs',
      connector: 'customs-single-window',
      transports: [
        server.settings(PARTNER, { pollIntervalSec: 1, completeness: 'xml-wellformed' }),
      ],
    }),
  );
  await gw.app.get(PollRuntime).resync();
}, 60000);

afterAll(async () => {
  await stopTestGateway(gw);
  await simulator?.stop();
  await server?.close();
  delete process.env.CUSTOMS_SCHEMA_DIR;
  delete process.env.CLEARANCE_PARTNER_ID;
});

describe('Single Window exchange over SFTP with the simulator, through the partner registry', () => {
  it('stores the DXP file, uploads it, takes the answers over SFTP and tracks it to release', async () => {
    const input = ceb603({
      ...exportInventory,
      head: { ...exportInventory.head, guid: '5B000000-0000-4000-8000-00000000F001' },
      messageGuid: '6C000000-0000-4000-8000-00000000F001',
      copNo: 'INV-accepted-sftp',
    });
    const [filed] = await inTransaction(gw.pool, (tx) =>
      gw.app.get(CustomsOutbox).file(tx, [input], { clientId: null }),
    );
    expect(filed).toMatchObject({ messageType: 'CEB603', partnerId: PARTNER });

    // The stored outbound message is followed until customs' final receipt (800: released).
    const message = await eventually(async () => {
      const { rows } = await gw.pool.query<{ state: string; transport: string }>(
        'SELECT state, transport FROM messages WHERE id = $1',
        [filed.messageId],
      );
      return rows[0]?.state === 'acknowledged' && rows[0];
    }, 30000);
    expect(message.transport).toBe('sftp');
    // Every answer came in as a stored message and reached the clearance handler, once.
    const statuses = await eventually(async () => {
      const { rows } = await gw.pool.query<{ status: string }>(
        `SELECT receipt->>'returnStatus' AS status FROM clearance_receipts
          WHERE guid = ANY($1::text[])`,
        [[filed.guid, ...filed.recordGuids]],
      );
      return rows.length >= 4 && rows.map((r) => r.status).sort();
    }, 30000);
    expect(statuses).toEqual(['0', '120', '2', '800']);
    // Read answers left the inbound folder for the archive; nothing half-written stayed out.
    expect(readdirSync(folders.inboundDir).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(readdirSync(folders.archiveDir)).toHaveLength(4);
    expect(readdirSync(folders.outboundDir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('refuses settings without a pinned host key, naming the field', () => {
    const transport = server.settings(PARTNER, { hostKeySha256: '' }) as PartnerTransport;
    expect(() => readSftpSettings(transport, PARTNER, 'deliver')).toThrow(/hostKeySha256/);
  });
});
