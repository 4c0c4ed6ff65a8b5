import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FolderExchange, type SingleWindowClient } from '../../connectors/customs-single-window';
import { writeCebMessage, writeDxpMessage } from '../../mappings/codecs/cn-customs/ceb-write';
import { ceb311FromOrder, ceb621 } from '../../mappings/cn-customs-outbound';
import * as f from '../../mappings/cn-customs-outbound/__fixtures__/outbound-inputs';
import {
  startCustomsSimulator,
  testSingleWindowClient,
  type RunningSimulator,
} from '../support/customs-simulator';

let sim: RunningSimulator;
let client: SingleWindowClient;

beforeAll(() => {
  sim = startCustomsSimulator(() => new Date('2026-03-15T02:00:00Z'));
  client = testSingleWindowClient(
    new FolderExchange({ outDir: sim.outDir, inDir: sim.inDir }),
    sim.schemaDir,
  );
});
afterAll(() => sim?.stop());

/** Polls until every guid has `count` answers (the DxpRep included); the timeout bounds it. */
async function answersFor(guids: string[], count: number) {
  const got = new Map<
    string,
    Array<{ messageType: string; returnStatus: string; inventoryNo?: string }>
  >(guids.map((g) => [g, []]));
  while ([...got.values()].some((rs) => rs.length < count)) {
    for (const r of (await client.poll()).receipts) {
      const list = got.get(r.submission?.guid ?? r.receipt.guid ?? '');
      list?.push({
        messageType: r.receipt.messageType,
        returnStatus: r.receipt.returnStatus,
        ...(r.receipt.inventoryNo ? { inventoryNo: r.receipt.inventoryNo } : {}),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return got;
}

describe('Single Window simulator: 1210 bonded-import messages', () => {
  it('validates CEB311 and CEB621 against the import XSD and answers CEB312 and CEB622', async () => {
    const order = await client.submit(
      ceb311FromOrder({ ...f.order, orderNo: 'SI-IMPORT-1' }, f.buyer, {
        head: f.head('7D000000-0000-4000-8000-000000000311'),
        messageGuid: '7D000000-0000-4000-8000-000000001311',
        platform: f.platform,
        seller: f.seller,
        sender: f.sender,
      }),
    );
    const list = await client.submit(
      ceb621({
        ...f.importInventory,
        head: f.head('7D000000-0000-4000-8000-000000000621'),
        messageGuid: '7D000000-0000-4000-8000-000000001621',
        orderNo: 'SI-IMPORT-1',
      }),
    );
    const answers = await answersFor([order.guid, list.guid], 4);
    expect(answers.get(order.guid)!.map((a) => a.returnStatus)).toEqual(['0', '2', '120', '800']);
    expect(
      answers
        .get(order.guid)!
        .slice(1)
        .every((a) => a.messageType === 'CEB311'),
    ).toBe(true);
    const listAnswers = answers.get(list.guid)!;
    expect(listAnswers.map((a) => a.returnStatus)).toEqual(['0', '2', '120', '800']);
    expect(listAnswers.slice(1).every((a) => a.messageType === 'CEB621')).toBe(true);
    // Customs numbers the import list with an I from 120 on.
    expect(listAnswers[2].inventoryNo).toMatch(/^31052026I\d{9}$/);
  });

  it('answers a CEB621 its XSD refuses with a CEB900 format error', async () => {
    const guid = '7D000000-0000-4000-8000-000000000999';
    const bad = ceb621({
      ...f.importInventory,
      head: f.head(guid),
      messageGuid: '7D000000-0000-4000-8000-000000001999',
      portCode: '31055',
    });
    const dxp = writeDxpMessage(writeCebMessage(bad), {
      copMsgId: '7D000000-0000-4000-8000-000000002999',
      senderId: 'DXPENT0000012345',
      receiverIds: ['DXPEDCCEB0000002'],
      createdAt: '2026-03-15T02:00:00',
      msgType: 'CEB621Message',
    });
    writeFileSync(path.join(sim.outDir, 'bad-ceb621.xml'), dxp);
    const answers = await answersFor([guid], 1);
    // The CEB900 names the message it answers: the list, with status -1 (format error).
    expect(answers.get(guid)).toEqual([{ messageType: 'CEB621', returnStatus: '-1' }]);
  });
});
