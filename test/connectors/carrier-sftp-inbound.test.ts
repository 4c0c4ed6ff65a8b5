import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  IFTSTA_CONTAINERS,
  sinoIftsta,
} from '../../connectors/carrier-edifact/__fixtures__/carrier-files.fixture';
import { SftpInboundPoller } from '../../connectors/transports/sftp';
import { MessageIntake } from '../../core/ingest/message-intake';
import { MESSAGE_INTAKE } from '../../gateway/partners/partners.tokens';
import { PgPollStateStore } from '../../gateway/connectors/poll-state.store';
import { addCarrier, filesIn, messagesOf, pollNow } from '../support/carrier-sftp';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { receivedFrom, startRecordingGateway } from '../support/recording-handler';
import { SftpTestServer } from '../support/sftp-server';
import { untilIdle } from '../support/idle';

let server: SftpTestServer;
let gw: TestGateway;

beforeAll(async () => {
  server = await SftpTestServer.start();
  gw = await startRecordingGateway();
});
afterAll(async () => {
  await stopTestGateway(gw);
  await server?.close();
});

const eventsOf = (partnerId: string) => receivedFrom(gw.pool, partnerId);
const outFiles = (dir: string) => filesIn(dir).filter((f) => f.startsWith('CONTRL_'));

describe('carrier EDIFACT files over SFTP (real sshd)', () => {
  it('turns a dropped IFTSTA into ShipmentEvents, archives it and answers with a CONTRL', async () => {
    // Polled by the repeatable bull job (every second), not by hand.
    const { dirs } = await addCarrier(gw, server, 'line-flow', { pollIntervalSec: 1 });
    writeFileSync(join(dirs.inboundDir, 'IFTSTA_0001.edi'), sinoIftsta('FLOW1'));

    const events = await eventually(async () => {
      const rows = await eventsOf('line-flow');
      return rows.length === 2 && rows;
    });
    expect(events.map((e) => e.type)).toEqual([
      'logistics.shipment.status',
      'logistics.shipment.status',
    ]);
    expect(events.map((e) => e.refs.containerNo?.[0]).sort()).toEqual(IFTSTA_CONTAINERS);
    await eventually(async () => filesIn(dirs.archiveDir).includes('IFTSTA_0001.edi'));
    expect(filesIn(dirs.inboundDir)).toEqual([]);

    const [contrl] = await eventually(
      async () => outFiles(dirs.outboundDir).length === 1 && outFiles(dirs.outboundDir),
    );
    expect(filesIn(dirs.outboundDir)).toEqual([contrl]); // renamed: no `.CONTRL_*.part` left
    const text = readFileSync(join(dirs.outboundDir, contrl), 'latin1');
    expect(text).toContain('UNB+UNOC:3+TRADEHUBCN:ZZZ+SINOLINES:ZZZ+');
    expect(text).toContain("UCI+FLOW1+SINOLINES:ZZZ+TRADEHUBCN:ZZZ+7'");
    const out = await eventually(async () => {
      const rows = (await messagesOf(gw, 'line-flow')).filter((m) => m.direction === 'out');
      return rows[0]?.state === 'sent' && rows;
    });
    expect(out.map((m) => m.messageType)).toEqual(['CONTRL']);
  });

  it('stores, fails with location, archives and rejects an interchange with a wrong UNT count', async () => {
    const { dirs } = await addCarrier(gw, server, 'line-bad');
    writeFileSync(join(dirs.inboundDir, 'bad.edi'), sinoIftsta('BAD1', { untCount: 40 }));
    const [outcome] = await pollNow(gw, 'line-bad');
    expect(outcome).toEqual({ outcome: 'polled', result: { received: 1, deferred: 0 } });
    expect(filesIn(dirs.archiveDir)).toEqual(['bad.edi']); // stored first: replay stays possible

    const failed = await eventually(async () => {
      const [m] = await messagesOf(gw, 'line-bad');
      return m?.state === 'failed' && m;
    });
    expect(failed.lastError).toMatchObject({ stage: 'parse', location: { segmentTag: 'UNT' } });
    const [contrl] = await eventually(
      async () => outFiles(dirs.outboundDir).length === 1 && outFiles(dirs.outboundDir),
    );
    const text = readFileSync(join(dirs.outboundDir, contrl), 'latin1');
    expect(text).toContain("UCI+BAD1+SINOLINES:ZZZ+TRADEHUBCN:ZZZ+4'");
    expect(text).toMatch(/UCM\+1\+IFTSTA:D:99B:UN\+4\+\d+\+UNT/);
    expect(await eventsOf('line-bad')).toEqual([]);
  });

  it('leaves a half-uploaded interchange in place and takes it once its UNZ is there', async () => {
    const { dirs } = await addCarrier(gw, server, 'line-half');
    const whole = sinoIftsta('HALF1');
    const file = join(dirs.inboundDir, 'half.edi');
    writeFileSync(file, whole.subarray(0, whole.length - 20));
    expect(await pollNow(gw, 'line-half')).toEqual([
      { outcome: 'polled', result: { received: 0, deferred: 1 } },
    ]);
    expect(filesIn(dirs.inboundDir)).toEqual(['half.edi']);
    expect(await messagesOf(gw, 'line-half')).toEqual([]);

    appendFileSync(file, whole.subarray(whole.length - 20));
    expect(await pollNow(gw, 'line-half')).toEqual([
      { outcome: 'polled', result: { received: 1, deferred: 0 } },
    ]);
    expect(filesIn(dirs.archiveDir)).toEqual(['half.edi']);
    await eventually(async () => (await eventsOf('line-half')).length === 2);
  });

  it('neither loses nor doubles a file when the poll dies between store and archive', async () => {
    const { record, dirs } = await addCarrier(gw, server, 'line-crash');
    writeFileSync(join(dirs.inboundDir, 'crash.edi'), sinoIftsta('CRASH1'));
    const intake = gw.app.get<MessageIntake>(MESSAGE_INTAKE);
    const dying = {
      receive: async (m: Parameters<MessageIntake['receive']>[0]) => {
        await intake.receive(m);
        throw new Error('process killed after the store committed');
      },
    };
    const ctx = {
      intake: dying,
      state: new PgPollStateStore(gw.pool, record.id, 'sftp/0'),
      signal: new AbortController().signal,
    };
    await expect(new SftpInboundPoller().poll(record, record.transports[0], ctx)).rejects.toThrow(
      'process killed',
    );
    expect(filesIn(dirs.inboundDir)).toEqual(['crash.edi']);

    // The next poll finds it again: the intake knows the bytes, so it is only archived.
    expect(await pollNow(gw, 'line-crash')).toEqual([
      { outcome: 'polled', result: { received: 1, deferred: 0 } },
    ]);
    expect(filesIn(dirs.archiveDir)).toEqual(['crash.edi']);
    await eventually(async () => (await eventsOf('line-crash')).length === 2);
    const inbound = (await messagesOf(gw, 'line-crash')).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.state)).toEqual(['processed', 'duplicate']);
    await untilIdle(gw); // nothing more arrives
    expect(await eventsOf('line-crash')).toHaveLength(2);
  });

  it('only archives a file the poll state says was taken when the move failed before', async () => {
    const { dirs } = await addCarrier(gw, server, 'line-move');
    rmSync(dirs.archiveDir, { recursive: true });
    writeFileSync(join(dirs.inboundDir, 'move.edi'), sinoIftsta('MOVE1'));
    const [outcome] = await pollNow(gw, 'line-move');
    expect(outcome).toMatchObject({
      outcome: 'failed',
      error: { kind: 'config', code: 'no-such-path' },
    });
    const stored = (await messagesOf(gw, 'line-move')).filter((m) => m.direction === 'in');
    expect(stored).toHaveLength(1); // stored once (its CONTRL may already be on its way out)
    expect(filesIn(dirs.inboundDir)).toEqual(['move.edi']);

    mkdirSync(dirs.archiveDir);
    // The back-off after the failure has run out.
    await gw.pool.query(
      `UPDATE poll_state SET value = '{"failures":1,"untilMs":0}' WHERE partner_id = 'line-move' AND key = 'backoff'`,
    );
    expect(await pollNow(gw, 'line-move')).toEqual([
      { outcome: 'polled', result: { received: 0, deferred: 0 } },
    ]);
    expect(filesIn(dirs.archiveDir)).toEqual(['move.edi']);
    const inbound = (await messagesOf(gw, 'line-move')).filter((m) => m.direction === 'in');
    expect(inbound).toHaveLength(1); // the poll state, not the duplicate check, caught it
  });

  it('reads nothing from a server whose host key is not the pinned one', async () => {
    const { dirs } = await addCarrier(gw, server, 'line-pin', {
      hostKeySha256: `SHA256:${'Q'.repeat(43)}`,
    });
    writeFileSync(join(dirs.inboundDir, 'pin.edi'), sinoIftsta('PIN1'));
    const [outcome] = await pollNow(gw, 'line-pin');
    expect(outcome).toMatchObject({
      outcome: 'failed',
      error: { kind: 'config', code: 'host-key-mismatch' },
    });
    expect(filesIn(dirs.inboundDir)).toEqual(['pin.edi']);
    expect(await messagesOf(gw, 'line-pin')).toEqual([]);
    // Backing off now: the next tick does not even connect.
    expect(await pollNow(gw, 'line-pin')).toEqual([{ outcome: 'backing-off' }]);
  });

  it('fails soft for the seeded lines whose server is not there, and stays healthy', async () => {
    // Its repeatable job may have run first; then this tick is already backing off.
    const [outcome] = await pollNow(gw, 'sino-ocean-lines');
    if (outcome.outcome !== 'backing-off')
      expect(outcome).toMatchObject({ outcome: 'failed', error: { kind: 'config' } });
    const { rows } = await gw.pool.query<{ value: string }>(
      `SELECT value FROM poll_state WHERE partner_id = 'sino-ocean-lines' AND key = 'backoff'`,
    );
    expect(JSON.parse(rows[0].value)).toMatchObject({ failures: expect.any(Number) });
    expect((await gw.request('/health')).status).toBe(200);
    const metrics = await (await gw.request('/metrics')).text();
    expect(metrics).toMatch(
      /tradehub_polls_total\{partner="sino-ocean-lines",transport="sftp",outcome="failed"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /tradehub_polled_files_total\{partner="line-half",transport="sftp",outcome="deferred"\} 1/,
    );
    expect(metrics).toMatch(/tradehub_normalizer_inbox_pending\{state="retrying"\} 0/);
    expect(metrics).toMatch(/tradehub_normalizer_inbox_lag_seconds \d/);
    expect(metrics).toMatch(/tradehub_outbox_lag_seconds \d/);
    expect(metrics).toMatch(/tradehub_queue_depth\{queue="t-\w+-q\.test-recorder"\} \d/);
  });
});
