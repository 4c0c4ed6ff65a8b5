import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { sinoIftsta } from '../../connectors/carrier-edifact/__fixtures__/carrier-files.fixture';
import { advisoryLockKey } from '../../core/storage/advisory-lock';
import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { addCarrier, filesIn, messagesOf, pollNow } from '../support/carrier-sftp';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import {
  receivedFrom,
  RecordingHandlerModule,
  startRecordingGateway,
} from '../support/recording-handler';
import { SftpTestServer } from '../support/sftp-server';

let server: SftpTestServer;
let a: TestGateway;
let b: TestGateway;

beforeAll(async () => {
  server = await SftpTestServer.start();
  a = await startRecordingGateway();
  // The second process: same database, broker namespace and bull prefix.
  b = await startTestGateway({ config: a.config, imports: [RecordingHandlerModule] });
});
afterAll(async () => {
  await b?.app.close(); // the shared topology is deleted once, by the first
  await stopTestGateway(a);
  await server?.close();
});

describe('two gateway processes polling one partner', () => {
  it('never take a file twice', async () => {
    const { dirs } = await addCarrier(a, server, 'line-twin', { pollIntervalSec: 1 });
    await b.app.get(PollRuntime).resync();
    const total = 12;
    const racing = (async () => {
      // Besides the repeatable job, both processes poll by hand at the same moments.
      const outcomes: string[] = [];
      for (let i = 0; i < 6; i++) {
        const both = await Promise.all([pollNow(a, 'line-twin'), pollNow(b, 'line-twin')]);
        outcomes.push(...both.flat().map((o) => o.outcome));
      }
      return outcomes;
    })();
    for (let i = 0; i < total; i++) {
      writeFileSync(join(dirs.inboundDir, `IFTSTA_${i}.edi`), sinoIftsta(`TWIN${i}`));
      if (i % 4 === 3) await new Promise((r) => setTimeout(r, 100));
    }
    // The lock was contended: some rounds found the other process (or the job) polling.
    expect(await racing).toContain('locked');
    await eventually(async () => filesIn(dirs.archiveDir).length === total, 20000);
    const inbound = (await messagesOf(a, 'line-twin')).filter((m) => m.direction === 'in');
    expect(inbound).toHaveLength(total);
    expect(inbound.every((m) => m.duplicateOf === null)).toBe(true);
    const events = await eventually(async () => {
      const rows = await receivedFrom(a.pool, 'line-twin');
      return rows.length === 2 * total && rows;
    }, 20000);
    expect(new Set(events.map((e) => e.envelope_id)).size).toBe(2 * total);
    expect(filesIn(dirs.inboundDir)).toEqual([]);
  });

  it('skips a poll while another process holds the partner transport lock', async () => {
    await addCarrier(a, server, 'line-locked');
    await b.app.get(PollRuntime).resync();
    const holder = new Client({ connectionString: a.config.database.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [
        advisoryLockKey('poll:line-locked/sftp/0'),
      ]);
      expect(await pollNow(b, 'line-locked')).toEqual([{ outcome: 'locked' }]);
    } finally {
      await holder.end();
    }
    expect(await pollNow(b, 'line-locked')).toMatchObject([{ outcome: 'polled' }]);
  });
});
