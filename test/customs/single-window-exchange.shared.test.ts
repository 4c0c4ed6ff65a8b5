import { existsSync, readdirSync } from 'node:fs';
import {
  FolderExchange,
  type ReceivedReceipt,
  type SingleWindowClient,
} from '../../connectors/customs-single-window';
import { ceb603 } from '../../mappings/cn-customs-outbound';
import { exportInventory } from '../../mappings/cn-customs-outbound/__fixtures__/outbound-inputs';
import {
  startCustomsSimulator,
  testSingleWindowClient,
  type RunningSimulator,
} from '../support/customs-simulator';

let sim: RunningSimulator;
let client: SingleWindowClient;
let n = 0;

beforeAll(() => {
  sim = startCustomsSimulator(() => new Date('2026-03-15T02:00:00Z'));
  if (!sim) return;
  client = testSingleWindowClient(
    new FolderExchange({ outDir: sim.outDir, inDir: sim.inDir }),
    sim.schemaDir,
  );
});
afterAll(() => sim?.stop());

/** A fresh CEB603 whose copNo names the simulator scenario. */
function inventory(scenario: string, override = {}) {
  n++;
  const id = String(n).padStart(12, '0');
  return ceb603({
    ...exportInventory,
    head: { ...exportInventory.head, guid: `5B000000-0000-4000-8000-${id}` },
    messageGuid: `6C000000-0000-4000-8000-${id}`,
    copNo: `INV-${scenario}-${n}`,
    ...override,
  });
}

/** Polls the answer folder until `count` receipts for `guid` came. */
async function receiptsFor(guid: string, count: number): Promise<ReceivedReceipt[]> {
  const got: ReceivedReceipt[] = [];
  while (got.length < count) {
    const poll = await client.poll();
    expect(poll.failures).toEqual([]);
    got.push(...poll.receipts.filter((r) => r.submission?.guid === guid));
    // Wait for the simulator's next answer; the suite's timeout bounds the wait.
    if (got.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return got;
}

const statuses = (rs: ReceivedReceipt[]) => rs.map((r) => r.receipt.returnStatus);

describe('Single Window exchange with the simulator', () => {
  it('two polls at once read each answer once', async () => {
    const submission = await client.submit(inventory('accepted'));
    const answered = () =>
      existsSync(sim.inDir) && readdirSync(sim.inDir).filter((f) => f.endsWith('.xml')).length >= 4;
    while (!answered()) await new Promise((resolve) => setTimeout(resolve, 20));
    const polls = await Promise.all([client.poll(), client.poll()]);
    const mine = polls
      .flatMap((p) => p.receipts)
      .filter((r) => r.submission?.guid === submission.guid);
    expect(statuses(mine)).toEqual(['0', '2', '120', '800']);
  });
  it.each([
    ['accepted', ['0', '2', '120', '800']],
    ['rejected', ['0', '2', '100']],
    ['inspection', ['0', '2', '120', '500', '800']],
    ['late', ['0', '2', '120', '800', '300']],
    ['duplicated', ['0', '2', '120', '120', '800']],
    ['out-of-order', ['0', '800', '2', '120']],
  ])('%s: answers DxpRep then the receipts in sequence', async (scenario, expected) => {
    const submission = await client.submit(inventory(scenario));
    const receipts = await receiptsFor(submission.guid, expected.length);
    expect(statuses(receipts)).toEqual(expected);
    expect(receipts[0].receipt).toMatchObject({ messageType: 'CEB603', outcome: 'PROCESSING' });
    expect(receipts.slice(1).every((r) => r.receipt.messageType === 'CEB603')).toBe(true);
  });

  it('tracks a submission until its final receipt', async () => {
    const submission = await client.submit(inventory('rejected'));
    expect((await client.openSubmissions()).map((s) => s.guid)).toContain(submission.guid);
    const receipts = await receiptsFor(submission.guid, 3);
    expect(receipts[2].submission).toMatchObject({
      final: true,
      lastReceipt: { outcome: 'REJECTED' },
    });
    expect(receipts[2].receipt.returnInfo).toContain('退单');
    expect((await client.openSubmissions()).map((s) => s.guid)).not.toContain(submission.guid);
  });

  it('never sends a message its XSD refuses, and says where', async () => {
    await expect(client.submit(inventory('accepted', { portCode: '31055' }))).rejects.toMatchObject(
      {
        kind: 'rejected',
        location: { xpath: '/CEB603Message/Inventory[1]/InventoryHead[1]/portCode[1]' },
      },
    );
  });
});
