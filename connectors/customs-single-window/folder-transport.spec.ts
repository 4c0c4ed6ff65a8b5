import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PartnerRecordSchema, type PartnerRecord } from '../../../core/partners/partner.schema';
import { PartnerExchange } from './single-window.provider';

describe('PartnerExchange (the customs partner configured by CLEARANCE_PARTNER_ID)', () => {
  let root: string;
  let records: Map<string, PartnerRecord>;
  const partners = { find: (id: string) => records.get(id) };

  const customs = (dir: string, connector = 'customs-single-window') =>
    PartnerRecordSchema.parse({
      id: 'single-window',
      name: 'Single Window',
      kind: 'customs',
      connector,
      transports: [{ kind: 'folder', outDir: path.join(dir, 'out'), inDir: path.join(dir, 'in') }],
    });

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'partner-exchange-'));
    records = new Map();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("uses the partner's transport, and a changed record at the next call", async () => {
    records.set('single-window', customs(path.join(root, 'a')));
    const exchange = new PartnerExchange(partners, 'single-window');
    await exchange.put('one.xml', Buffer.from('<a/>'));
    expect(readdirSync(path.join(root, 'a', 'out'))).toEqual(['one.xml']);

    records.set('single-window', customs(path.join(root, 'b')));
    await exchange.put('two.xml', Buffer.from('<b/>'));
    expect(readdirSync(path.join(root, 'b', 'out'))).toEqual(['two.xml']);

    mkdirSync(path.join(root, 'b', 'in'), { recursive: true });
    writeFileSync(path.join(root, 'b', 'in', 'answer.xml'), '<r/>');
    expect((await exchange.list()).map((f) => f.name)).toEqual(['answer.xml']);
    await exchange.ack('answer.xml');
    expect(readdirSync(path.join(root, 'b', 'in', 'done'))).toEqual(['answer.xml']);
  });

  it('says which partner is missing or not a customs partner', async () => {
    const exchange = new PartnerExchange(partners, 'single-window');
    await expect(exchange.list()).rejects.toThrow(
      'customs partner single-window is not configured',
    );
    records.set('single-window', customs(root, 'carrier-dcsa'));
    await expect(exchange.list()).rejects.toThrow(
      'partner single-window is not a customs-single-window partner',
    );
  });
});
