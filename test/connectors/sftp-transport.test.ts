import { appendFileSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntakePort, PollContext } from '../../core/connector/contract';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import { SftpInboundPoller, SftpOutboundTransport } from '../../connectors/transports/sftp';
import { SftpTestServer } from '../support/sftp-server';
import { tradeErrorOfAsync } from '../../core/errors/trade-error.testing';

// The transport against a real sshd, with an in-memory intake and poll state; the gateway
// suites run the same code with PostgreSQL behind both.
let server: SftpTestServer;
beforeAll(async () => {
  server = await SftpTestServer.start();
});
afterAll(async () => {
  await server?.close();
});

const partner = (id: string, transport: Record<string, unknown>): PartnerRecord => ({
  id,
  name: id,
  kind: 'carrier',
  connector: 'carrier-edifact',
  enabled: true,
  identifiers: [],
  formats: [],
  transports: [transport as PartnerRecord['transports'][number]],
  clientRules: [],
  settings: {},
});

function memoryContext() {
  const state = new Map<string, string>();
  const stored: Array<{ raw: Buffer; meta?: Record<string, unknown> }> = [];
  const intake: IntakePort = {
    receive: async (m) => {
      stored.push({ raw: m.raw, meta: m.transportMeta });
      return { messageId: `m${stored.length}` };
    },
  };
  const ctx: PollContext = {
    intake,
    state: { get: async (k) => state.get(k), set: async (k, v) => void state.set(k, v) },
    signal: new AbortController().signal,
  };
  return { ctx, state, stored };
}

const interchange = (ref: string) =>
  `UNA:+.? 'UNB+UNOC:3+SNOL+TRADEHUB+250421:1000+${ref}'UNH+1+IFTSTA:D:99B:UN'BGM+23+${ref}+9'UNT+3+1'UNZ+1+${ref}'`;

const poll = (id: string, settings: Record<string, unknown>, ctx: PollContext) =>
  new SftpInboundPoller().poll(partner(id, settings), settings as never, ctx);

describe('SFTP transport against OpenSSH', () => {
  it('takes complete files in time order and leaves a cut one for later', async () => {
    const settings = server.settings('order', { completeness: 'edifact-unz' });
    const dirs = server.folders('order');
    writeFileSync(join(dirs.inboundDir, 'b.edi'), interchange('R2'));
    utimesSync(join(dirs.inboundDir, 'b.edi'), new Date(1000), new Date(1000));
    writeFileSync(join(dirs.inboundDir, 'a.edi'), interchange('R1'));
    writeFileSync(join(dirs.inboundDir, 'c.edi'), interchange('R3').slice(0, 60));
    writeFileSync(join(dirs.inboundDir, '.d.edi.part'), interchange('R4'));
    const { ctx, stored } = memoryContext();
    expect(await poll('p1', settings, ctx)).toEqual({ received: 2, deferred: 1 });
    expect(stored.map((m) => m.raw.toString())).toEqual([interchange('R2'), interchange('R1')]);
    expect(stored[0].meta).toMatchObject({ fileName: 'b.edi', completeness: 'edifact-unz' });
    expect(readdirSync(dirs.archiveDir).sort()).toEqual(['a.edi', 'b.edi']);
    expect(readdirSync(dirs.inboundDir).sort()).toEqual(['.d.edi.part', 'c.edi']);
  });

  it('never overwrites an archived file of the same name', async () => {
    const settings = server.settings('again', { completeness: 'edifact-unz' });
    const dirs = server.folders('again');
    const { ctx } = memoryContext();
    writeFileSync(join(dirs.inboundDir, 'IFTSTA.edi'), interchange('R1'));
    await poll('p5', settings, ctx);
    writeFileSync(join(dirs.inboundDir, 'IFTSTA.edi'), interchange('R2'));
    await poll('p5', settings, ctx);
    expect(readdirSync(dirs.archiveDir).sort()).toEqual(['IFTSTA.edi', 'IFTSTA.edi.m2']);
  });

  it('waits for the done file, then archives both', async () => {
    const settings = server.settings('done', { completeness: 'done-file' });
    const dirs = server.folders('done');
    writeFileSync(join(dirs.inboundDir, 'x.edi'), 'anything');
    const { ctx, stored } = memoryContext();
    expect(await poll('p6', settings, ctx)).toEqual({ received: 0, deferred: 1 });
    writeFileSync(join(dirs.inboundDir, 'x.edi.done'), '');
    expect(await poll('p6', settings, ctx)).toEqual({ received: 1, deferred: 0 });
    expect(stored).toHaveLength(1);
    expect(readdirSync(dirs.inboundDir)).toEqual([]);
    expect(readdirSync(dirs.archiveDir)).toEqual(['x.edi']);
  });

  it('takes a file by stable size only when it looked the same at the previous poll', async () => {
    const settings = server.settings('stable', { completeness: 'stable-size' });
    const dirs = server.folders('stable');
    const file = join(dirs.inboundDir, 'pay.xml');
    writeFileSync(file, '<Doc>');
    const { ctx } = memoryContext();
    expect(await poll('p7', settings, ctx)).toEqual({ received: 0, deferred: 1 });
    appendFileSync(file, '</Doc>');
    expect(await poll('p7', settings, ctx)).toEqual({ received: 0, deferred: 1 });
    expect(await poll('p7', settings, ctx)).toEqual({ received: 1, deferred: 0 });
  });

  it('parks a file over the size limit in the error folder with its reason', async () => {
    const settings = server.settings('big', { completeness: 'edifact-unz', maxFileBytes: 64 });
    const dirs = server.folders('big');
    writeFileSync(join(dirs.inboundDir, 'big.edi'), interchange('R1'));
    const { ctx, stored } = memoryContext();
    expect(await poll('p8', settings, ctx)).toEqual({ received: 0, deferred: 0 });
    expect(stored).toEqual([]);
    expect(readdirSync(dirs.errorDir).sort()).toEqual(['big.edi', 'big.edi.reason.txt']);
    expect(readFileSync(join(dirs.errorDir, 'big.edi.reason.txt'), 'utf8')).toMatch(
      /over the limit of 64/,
    );
  });

  it('takes a file that still looks cut once it has not changed for staleAfterSec', async () => {
    let now = 1_000_000;
    const settings = server.settings('stale', { completeness: 'edifact-unz', staleAfterSec: 60 });
    const dirs = server.folders('stale');
    writeFileSync(join(dirs.inboundDir, 'junk.edi'), 'UNB+broken');
    const { ctx, stored } = memoryContext();
    const poller = new SftpInboundPoller(() => now);
    const run = () => poller.poll(partner('p9', settings), settings as never, ctx);
    expect(await run()).toEqual({ received: 0, deferred: 1 });
    now += 30_000;
    expect(await run()).toEqual({ received: 0, deferred: 1 });
    now += 31_000;
    expect(await run()).toEqual({ received: 1, deferred: 0 });
    expect(stored[0].meta).toMatchObject({ completeness: 'taken-when-stale' });
  });

  it('refuses a server whose host key is not the pinned one', async () => {
    const settings = server.settings('pin', {
      hostKeySha256: 'SHA256:' + 'A'.repeat(43),
      completeness: 'edifact-unz',
    });
    const dirs = server.folders('pin');
    writeFileSync(join(dirs.inboundDir, 'a.edi'), interchange('R1'));
    const { ctx, stored } = memoryContext();
    const err = await tradeErrorOfAsync(() => poll('p2', settings, ctx));
    expect([err.kind, err.code]).toEqual(['config', 'host-key-mismatch']);
    expect(stored).toHaveLength(0);
    expect(readdirSync(dirs.inboundDir)).toEqual(['a.edi']);
  });

  it('classes a refused login as configuration and an unreachable server as transient', async () => {
    const { ctx } = memoryContext();
    const noKey = server.settings('auth', { privateKey: '', password: 'guess' });
    const refused = await tradeErrorOfAsync(() => poll('p10', noKey, ctx));
    expect([refused.kind, refused.code]).toEqual(['config', 'auth-failed']);
    const closed = server.settings('auth', { port: 1 });
    const down = await tradeErrorOfAsync(() => poll('p10', closed, ctx));
    expect([down.kind, down.code]).toEqual(['transient', 'ECONNREFUSED']);
  });

  it('uploads under a temporary name and renames', async () => {
    const settings = server.settings('out');
    const dirs = server.folders('out');
    const receipt = await new SftpOutboundTransport().send(
      {
        messageId: 'x',
        partnerId: 'p3',
        body: Buffer.from('hello'),
        contentType: 'application/EDIFACT',
        messageType: 'IFTMIN',
        fileName: 'IFTMIN_1.edi',
      },
      partner('p3', settings),
      settings as never,
    );
    expect(receipt.partnerRef).toBe('IFTMIN_1.edi');
    expect(readdirSync(dirs.outboundDir)).toEqual(['IFTMIN_1.edi']);
    expect(readFileSync(join(dirs.outboundDir, 'IFTMIN_1.edi'), 'utf8')).toBe('hello');
  });
});
