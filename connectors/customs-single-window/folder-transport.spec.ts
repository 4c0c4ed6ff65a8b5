import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { IncomingMessage, PollContext } from '../../core/connector/contract';
import { PartnerRecordSchema, type PartnerRecord } from '../../core/partners/partner.schema';
import { customsSendingTransport } from './customs-outbound';
import { FolderInboundPoller, FolderOutboundTransport } from './folder-transport';

describe('customs folder transport (a partner record with kind folder)', () => {
  let root: string;
  const customs = (connector = 'customs-single-window', direction = 'both'): PartnerRecord =>
    PartnerRecordSchema.parse({
      id: 'single-window',
      name: 'Single Window',
      kind: 'customs',
      connector,
      transports: [
        {
          kind: 'folder',
          direction,
          outDir: path.join(root, 'out'),
          inDir: path.join(root, 'in'),
        },
      ],
    });

  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'customs-folder-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the stored file under its name, never leaving a .part behind', async () => {
    const partner = customs();
    const receipt = await new FolderOutboundTransport().send(
      {
        messageId: 'm1',
        partnerId: partner.id,
        body: Buffer.from('<DxpMsg/>'),
        contentType: 'application/xml',
        messageType: 'CEB603',
        fileName: 'CEB603_GUID.xml',
      },
      partner,
      partner.transports[0],
    );
    expect(readdirSync(path.join(root, 'out'))).toEqual(['CEB603_GUID.xml']);
    expect(receipt.partnerRef).toBe('CEB603_GUID.xml');
  });

  it('stores each answer through the intake before moving it to done', async () => {
    const partner = customs();
    mkdirSync(path.join(root, 'in'));
    writeFileSync(path.join(root, 'in', 'b.xml'), '<b/>');
    writeFileSync(path.join(root, 'in', 'a.xml'), '<a/>');
    writeFileSync(path.join(root, 'in', 'c.xml.part'), '<c');
    const stored: IncomingMessage[] = [];
    const ctx: PollContext = {
      intake: {
        receive: (m) => {
          // Not moved yet while the intake stores it.
          expect(existsSync(path.join(root, 'in', m.transportMeta!.fileName as string))).toBe(true);
          stored.push(m);
          return Promise.resolve({ messageId: `id-${stored.length}` });
        },
      },
      state: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
      signal: new AbortController().signal,
    };
    const result = await new FolderInboundPoller().poll(partner, partner.transports[0], ctx);
    expect(result).toEqual({ received: 2, deferred: 0 });
    expect(stored.map((m) => [m.transportMeta?.fileName, m.raw.toString(), m.transport])).toEqual([
      ['a.xml', '<a/>', 'folder'],
      ['b.xml', '<b/>', 'folder'],
    ]);
    expect(readdirSync(path.join(root, 'in', 'done')).sort()).toEqual(['a.xml', 'b.xml']);
    expect(readdirSync(path.join(root, 'in')).sort()).toEqual(['c.xml.part', 'done']);
  });

  it('says which partner cannot file customs messages, and why', () => {
    expect(() => customsSendingTransport(customs('carrier-dcsa'))).toThrow(
      'partner single-window is not a customs-single-window partner',
    );
    expect(() => customsSendingTransport(customs('customs-single-window', 'in'))).toThrow(
      'partner single-window has no folder or sftp transport that sends',
    );
  });
});
