import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  IFTSTA_CONTAINERS,
  sinoIftsta,
} from '../../connectors/carrier-edifact/__fixtures__/carrier-files.fixture';
import { carrierPartnerRecord } from '../../connectors/carrier-edifact/carrier-partner';
import { sinoOceanLines } from '../../mappings/carrier-edifact/__fixtures__/carrier-partners.fixture';
import { PollWorker } from '../../gateway/connectors/poll.worker';
import { filesIn, messagesOf } from '../support/carrier-sftp';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { capturingLogger } from '../support/log-capture';
import { SftpTestServer } from '../support/sftp-server';
import { bookingRequest } from '../logistics/logistics-fixtures';

/**
 * The README's carrier walkthrough, step by step, as a new operator does it on a plain sshd:
 * partner through the API (with a GET -> PUT round trip), a wrong host key pin found from the
 * poll answer and the log, three files dropped (good, wrong UNZ reference, wrong sender), a
 * poll now, and what the operator then sees of each.
 */
const PARTNER = 'walk-line';
const SETTLE_SEC = 1;

let server: SftpTestServer;
let gw: TestGateway;
let admin: string;
const { logger, lines } = capturingLogger();

beforeAll(async () => {
  server = await SftpTestServer.start();
  gw = await startTestGateway({ logger });
  admin = gw.adminKey;
});
afterAll(async () => {
  await stopTestGateway(gw);
  await server?.close();
});

const api = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
  const res = await gw.request(path, { key: admin, ...init });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers, read as JSON
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const pollNow = () => api(`/partners/${PARTNER}/poll`, { method: 'POST' });
const contrls = (dir: string) => filesIn(dir).filter((f) => f.startsWith('CONTRL_'));

describe('carrier walkthrough (README order, real sshd)', () => {
  let dirs: ReturnType<SftpTestServer['folders']>;

  it('1. adds the carrier through the API; GET shows whether secrets are set, never them', async () => {
    dirs = server.folders(PARTNER);
    const record = carrierPartnerRecord({
      id: PARTNER,
      name: 'Walkthrough Line',
      settings: sinoOceanLines.settings,
      // A first try pins the wrong line of `ssh-keyscan | ssh-keygen -lf -`.
      sftp: server.settings(PARTNER, {
        completeness: 'edifact-unz',
        settleSec: SETTLE_SEC,
        pollIntervalSec: 1_000_000,
        hostKeySha256: `SHA256:${'Q'.repeat(43)}`,
      }),
    });
    const put = await api(`/partners/${PARTNER}`, { method: 'PUT', json: record });
    expect(put.status).toBe(200);
    const jobs = await gw.app.get(PollWorker).queue.getRepeatableJobs();
    expect(jobs.map((j) => j.id)).toContain(`${PARTNER}/sftp/0`); // polled on its interval
    const got = await api(`/partners/${PARTNER}`);
    expect(got.body.transports[0].privateKey).toEqual({ set: true });
    expect(JSON.stringify(got.body)).not.toContain('PRIVATE KEY');
  });

  it('2. a poll now answers why it failed, and the log line names the cause', async () => {
    const { status, body } = await pollNow();
    expect(status).toBe(200);
    const [poll] = body.polls;
    expect(poll).toMatchObject({
      outcome: 'failed',
      error: {
        kind: 'config',
        code: 'host-key-mismatch',
        detail: { offered: server.hostKeySha256, pinned: `SHA256:${'Q'.repeat(43)}` },
      },
    });
    // The seeded lines fail their own scheduled polls meanwhile: this line's is the one to read.
    const logged = lines.find(
      (l) => l.target === `${PARTNER}/sftp/0` && String(l.msg).startsWith('poll failed'),
    );
    expect(logged?.msg).toContain(`offered host key ${server.hostKeySha256}`);
    expect(logged?.msg).toMatch(/next try at \d{4}-\d\d-\d\dT/);
    expect(logged?.err).toMatchObject({
      code: 'host-key-mismatch',
      detail: { offered: server.hostKeySha256 },
      cause: { message: expect.any(String) },
    });
  });

  it('3. GET -> PUT round trip with the right pin (the line as ssh-keygen prints it) keeps the key', async () => {
    const { body } = await api(`/partners/${PARTNER}`);
    body.transports[0].hostKeySha256 = `256 ${server.hostKeySha256} [127.0.0.1]:${server.port} (ED25519)`;
    const put = await api(`/partners/${PARTNER}`, { method: 'PUT', json: body });
    expect(put.status).toBe(200);
    expect(put.body.transports[0]).toMatchObject({
      privateKey: { set: true },
      hostKeySha256: expect.stringContaining(server.hostKeySha256),
    });
    expect(gw.partners.find(PARTNER)?.transports[0].privateKey).toBe(server.privateKey);
  });

  it('4. drops a good file, one with a wrong UNZ reference and one from another sender', () => {
    const wrongUnz = sinoIftsta('WALK2').toString('latin1').replace("UNZ+1+WALK2'", "UNZ+1+WALKX'");
    const foreign = sinoIftsta('WALK3').toString('latin1').replace('SINOLINES:ZZZ', 'SENDER:ZZZ');
    writeFileSync(join(dirs.inboundDir, 'IFTSTA_1_good.edi'), sinoIftsta('WALK1'));
    writeFileSync(join(dirs.inboundDir, 'IFTSTA_2_wrong_unz.edi'), wrongUnz, 'latin1');
    writeFileSync(join(dirs.inboundDir, 'IFTSTA_3_foreign.edi'), foreign, 'latin1');
    expect(filesIn(dirs.inboundDir)).toHaveLength(3);
  });

  it('5. a poll now takes the complete files and says why it leaves the other', async () => {
    const first = await pollNow();
    expect(first.body.polls).toEqual([{ outcome: 'polled', result: { received: 2, deferred: 1 } }]);
    const deferral = lines.find(
      (l) => typeof l.file === 'string' && l.file.endsWith('IFTSTA_2_wrong_unz.edi'),
    );
    expect(deferral?.reason).toMatch(/end marker does not match its header/);
    expect(deferral?.reason).toContain(`unchanged for ${SETTLE_SEC} s`);

    // Once it has not changed for the settle time, it is taken: the parser says what is wrong.
    await eventually(
      async () => {
        const { body } = await pollNow();
        return body.polls[0].result?.received === 1;
      },
      SETTLE_SEC * 1000 + 5000,
    );
    expect(filesIn(dirs.inboundDir)).toEqual([]);
    expect(filesIn(dirs.archiveDir)).toEqual([
      'IFTSTA_1_good.edi',
      'IFTSTA_2_wrong_unz.edi',
      'IFTSTA_3_foreign.edi',
    ]);
  });

  it('6. shows each message with its state, reason, location and references', async () => {
    const inbound = await eventually(async () => {
      const rows = (await messagesOf(gw, PARTNER)).filter((m) => m.direction === 'in');
      return rows.length === 3 && rows.every((m) => m.state !== 'received') && rows;
    });
    const byRef = async (ref: string) => (await api(`/messages?ref=${ref}`)).body;
    // Oldest first: the first poll took the good and the foreign file, the next one the other.
    const [good, foreign, wrongUnz] = inbound;
    expect(good.state).toBe('processed');
    expect((await api(`/messages/${good.id}`)).body.partnerRef).toBe('WALK1');
    expect(wrongUnz).toMatchObject({
      state: 'failed',
      lastError: { stage: 'parse', location: { segmentTag: 'UNZ' } },
    });
    expect(wrongUnz.lastError?.reason).toMatch(/WALKX|WALK2/);
    expect(foreign).toMatchObject({
      state: 'failed',
      lastError: { stage: 'receive', location: { segmentTag: 'UNB' } },
    });
    expect(foreign.lastError?.reason).toContain(
      `interchange sender SENDER:ZZZ (UNB) is not partner ${PARTNER} (SINOLINES:ZZZ)`,
    );

    // The failed files are found by their containers, marked as read from a failed message.
    const detail = (await api(`/messages/${wrongUnz.id}`)).body;
    expect(detail.refs).toEqual(
      expect.arrayContaining([
        { kind: 'containerNo', value: IFTSTA_CONTAINERS[0], fromFailed: true },
      ]),
    );
    const trade = await api(`/trades/${IFTSTA_CONTAINERS[1]}`);
    expect(trade.status).toBe(200);
    const states = trade.body.timeline
      .filter((t: { kind: string }) => t.kind === 'message')
      .map((t: { id: string; state: string }) => [t.id, t.state]);
    expect(states).toEqual(
      expect.arrayContaining([
        [good.id, 'processed'],
        [wrongUnz.id, 'failed'],
        [foreign.id, 'failed'],
      ]),
    );
    const found = (await byRef(IFTSTA_CONTAINERS[0])).items.map((m: { id: string }) => m.id);
    expect(found).toEqual(expect.arrayContaining([good.id, wrongUnz.id, foreign.id]));
  });

  it('7. answers each file with a CONTRL: accepted, refused for its UNZ, refused for its sender', async () => {
    const files = await eventually(
      async () => contrls(dirs.outboundDir).length === 3 && contrls(dirs.outboundDir),
    );
    const texts = files.map((f) => readFileSync(join(dirs.outboundDir, f), 'latin1'));
    const answering = (ref: string) => texts.find((t) => t.includes(`UCI+${ref}+`)) ?? '';
    expect(answering('WALK1')).toContain("UCI+WALK1+SINOLINES:ZZZ+TRADEHUBCN:ZZZ+7'");
    expect(answering('WALK2')).toMatch(/UCI\+WALK2\+SINOLINES:ZZZ\+TRADEHUBCN:ZZZ\+4\+28/);
    expect(answering('WALK3')).toContain("UCI+WALK3+SENDER:ZZZ+TRADEHUBCN:ZZZ+4+23'");
    // A CONTRL goes to the partner's own folder, addressed to what the file said.
    expect(answering('WALK3')).toContain('UNB+UNOC:3+TRADEHUBCN:ZZZ+SENDER:ZZZ+');
  });

  it("8. relaxes the line's envelope checks and replays the file with the wrong UNZ", async () => {
    const [, , wrongUnz] = (await messagesOf(gw, PARTNER)).filter((m) => m.direction === 'in');
    const { body } = await api(`/partners/${PARTNER}`);
    body.settings = { ...body.settings, checks: 'lenient' };
    expect((await api(`/partners/${PARTNER}`, { method: 'PUT', json: body })).status).toBe(200);
    const replay = await api(`/messages/${wrongUnz.id}/replay`, { method: 'POST' });
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ messageId: wrongUnz.id });
    const processed = await eventually(async () => {
      const m = (await api(`/messages/${wrongUnz.id}`)).body;
      return m.state === 'processed' && m;
    });
    expect(processed.documents).toHaveLength(2);
    // Its references now come from its documents, no longer marked as from a failed message.
    expect(processed.refs).toEqual(
      expect.arrayContaining([
        { kind: 'containerNo', value: IFTSTA_CONTAINERS[0], fromFailed: false },
      ]),
    );
    expect(processed.refs.filter((r: { fromFailed: boolean }) => r.fromFailed)).toEqual([]);
  });

  it('9. books with the line: the IFTMIN goes to its out folder', async () => {
    const response = await api('/logistics/bookings', {
      method: 'POST',
      json: { partnerId: PARTNER, clientId: 'nbhs', ...bookingRequest('WALK-BR-1') },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ state: 'requested', messageRef: expect.any(String) });
    const name = `IFTMIN_${response.body.messageRef}.edi`;
    await eventually(async () => filesIn(dirs.outboundDir).includes(name));
    const text = readFileSync(join(dirs.outboundDir, name), 'latin1');
    expect(text).toContain('UNB+UNOC:3+TRADEHUBCN:ZZZ+SINOLINES:ZZZ+');
  });
});
