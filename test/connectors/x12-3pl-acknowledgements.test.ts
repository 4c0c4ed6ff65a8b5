import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  keystone997,
  keystoneTa1,
} from '../../connectors/warehouse-x12/__fixtures__/keystone-files.fixture';
import { inTransaction } from '../../core/storage/database';
import { OutboundComposer } from '../../gateway/outbound/outbound-composer';
import { filesIn, messagesOf, pollNow } from '../support/carrier-sftp';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { SftpTestServer } from '../support/sftp-server';
import { addThreePl, fulfillmentOrder, operatorView } from './x12-3pl-support';
import { untilIdle } from '../support/idle';

let server: SftpTestServer;
let gw: TestGateway;

beforeAll(async () => {
  server = await SftpTestServer.start();
  gw = await startTestGateway();
});
afterAll(async () => {
  await stopTestGateway(gw);
  await server?.close();
});

async function sendOrder(partnerId: string, fulfillmentNo: string) {
  const sent = await inTransaction(gw.pool, (tx) =>
    gw.app.get(OutboundComposer).send(tx, {
      partnerId,
      documentType: 'FulfillmentOrder',
      payload: fulfillmentOrder(fulfillmentNo),
    }),
  );
  // The 3PL only answers what it got: wait for the delivery to be recorded.
  await eventually(async () => (await operatorView(gw, sent.messageId)).state === 'sent');
  return sent;
}

/** Drops the 3PL's 997 for our group `group` and polls it in. */
async function answer(
  partnerId: string,
  inboundDir: string,
  control: number,
  group: string,
  accept: boolean,
) {
  writeFileSync(join(inboundDir, `997_${control}.x12`), keystone997({ control, group, accept }));
  expect(await pollNow(gw, partnerId)).toEqual([
    { outcome: 'polled', result: { received: 1, deferred: 0 } },
  ]);
}

const inboundAcks = async (partnerId: string) =>
  (await messagesOf(gw, partnerId)).filter((m) => m.direction === 'in');

describe('940 to a US 3PL over SFTP and the 3PL’s 997 for it (real sshd)', () => {
  it('lands a FulfillmentOrder as a 940 and marks it acknowledged by the 3PL’s 997', async () => {
    const { dirs } = await addThreePl(gw, server, '3pl-ack');
    const { messageId, messageRef } = await sendOrder('3pl-ack', 'FO-KS-0100');
    expect(filesIn(dirs.outboundDir)).toEqual([`940_${messageRef}.edi`]);
    const text = readFileSync(join(dirs.outboundDir, `940_${messageRef}.edi`), 'utf8');
    expect(text).toContain(`~\r\nGS*OW*TRADEHUB*KEYSTONE3PL*`);
    expect(text).toContain(`*${messageRef}*X*004010~\r\nST*940*0001~\r\nW05*N*FO-KS-0100*`);
    expect(text).toContain('~\r\nN1*WH*KEYSTONE ALLENTOWN DC*91*ABE1~\r\n');

    await answer('3pl-ack', dirs.inboundDir, 6001, messageRef, true);
    const view = await eventually(async () => {
      const v = await operatorView(gw, messageId);
      return v.state === 'acknowledged' && v;
    });
    expect(view.history.map((h) => h.state)).toEqual(['queued', 'sending', 'sent', 'acknowledged']);
    const [ack] = await inboundAcks('3pl-ack');
    expect(view.history.at(-1)).toMatchObject({
      stage: 'deliver',
      reason: '997 accepted (A)',
      detail: { ackMessageId: ack.id, ackType: '997', code: 'A' },
    });
    // The 997 itself is processed, says what it acknowledged, and is not answered.
    const ackView = await operatorView(gw, ack.id);
    expect(ackView).toMatchObject({ state: 'processed', messageType: '997' });
    expect(ackView.history.at(-1)!.detail).toEqual({
      acknowledges: [
        { messageId, messageType: '940', partnerRef: messageRef, state: 'acknowledged' },
      ],
    });
    await untilIdle(gw);
    expect(filesIn(dirs.outboundDir)).toEqual([`940_${messageRef}.edi`]);
  });

  it('marks a 940 rejected-by-partner with the 997’s error codes as reason', async () => {
    const { dirs } = await addThreePl(gw, server, '3pl-reject');
    const { messageId, messageRef } = await sendOrder('3pl-reject', 'FO-KS-0200');
    await answer('3pl-reject', dirs.inboundDir, 6002, messageRef, false);
    const view = await eventually(async () => {
      const v = await operatorView(gw, messageId);
      return v.state === 'rejected-by-partner' && v;
    });
    const reason =
      '997 rejected (R): AK9 R; AK5 R 5 (940 0001); AK3 W66 at 8: 8 (940 0001); AK4 10 (140): 7';
    expect(view.history.at(-1)).toMatchObject({ state: 'rejected-by-partner', reason });
    expect(view.lastError).toMatchObject({ stage: 'deliver', reason });
    // Operators find it among the partner's problems.
    const search = await gw.request('/messages?state=rejected-by-partner&partnerId=3pl-reject', {
      key: gw.adminKey,
    });
    expect(((await search.json()) as { items: Array<{ id: string }> }).items).toMatchObject([
      { id: messageId },
    ]);
  });

  it('marks a 940 rejected-by-partner when the 3PL’s TA1 rejects its interchange', async () => {
    const { dirs } = await addThreePl(gw, server, '3pl-ta1');
    const { messageId, messageRef } = await sendOrder('3pl-ta1', 'FO-KS-0250');
    const ta1 = keystoneTa1({ control: 6005, interchange: messageRef, accept: false });
    writeFileSync(join(dirs.inboundDir, 'TA1_6005.x12'), ta1);
    expect(await pollNow(gw, '3pl-ta1')).toEqual([
      { outcome: 'polled', result: { received: 1, deferred: 0 } },
    ]);
    const view = await eventually(async () => {
      const v = await operatorView(gw, messageId);
      return v.state === 'rejected-by-partner' && v;
    });
    expect(view.history.at(-1)).toMatchObject({
      state: 'rejected-by-partner',
      reason: 'TA1 rejected (R): TA1 R 009 unknown receiver id',
      detail: { ackType: 'TA1', code: 'R' },
    });
  });

  it('fails a 997 that answers no 940 of ours, saying which group it named', async () => {
    const { dirs } = await addThreePl(gw, server, '3pl-stray');
    await answer('3pl-stray', dirs.inboundDir, 6003, '424242', true);
    const [stray] = await eventually(async () => {
      const rows = await inboundAcks('3pl-stray');
      return rows[0]?.state === 'failed' && rows;
    });
    expect(stray.lastError).toMatchObject({
      stage: 'map',
      reason:
        '997 answers group control number (AK102) 424242, but no outbound x12 message to 3pl-stray has that reference',
    });
  });

  it('applies a replayed 997 once', async () => {
    const { dirs } = await addThreePl(gw, server, '3pl-replay');
    const { messageId, messageRef } = await sendOrder('3pl-replay', 'FO-KS-0300');
    await answer('3pl-replay', dirs.inboundDir, 6004, messageRef, true);
    await eventually(async () => (await operatorView(gw, messageId)).state === 'acknowledged');
    const [ack] = await inboundAcks('3pl-replay');
    const replay = await gw.request(`/messages/${ack.id}/replay?force=true`, {
      method: 'POST',
      key: gw.adminKey,
    });
    expect(replay.status).toBe(202);
    await eventually(
      async () =>
        (await operatorView(gw, ack.id)).history.filter((h) => h.state === 'processed').length ===
        2,
    );
    const states = (await operatorView(gw, messageId)).history.map((h) => h.state);
    expect(states).toEqual(['queued', 'sending', 'sent', 'acknowledged']);
  });
});
