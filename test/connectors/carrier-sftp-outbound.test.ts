import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inTransaction } from '../../core/storage/database';
import { MessageRepository } from '../../core/storage/message.repository';
import { OutboundComposer } from '../../gateway/outbound/outbound-composer';
import { addCarrier, filesIn } from '../support/carrier-sftp';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { SftpTestServer } from '../support/sftp-server';

let server: SftpTestServer;
let gw: TestGateway;
const messages = new MessageRepository();
const booking = (
  JSON.parse(
    readFileSync(
      join(__dirname, '../../mappings/edifact-iftmin/golden/sino-booking-request.input.json'),
      'utf8',
    ),
  ) as { payload: Record<string, unknown> }
).payload;

beforeAll(async () => {
  server = await SftpTestServer.start();
  gw = await startTestGateway();
});
afterAll(async () => {
  await stopTestGateway(gw);
  await server?.close();
});

async function sendBooking(partnerId: string, bookingRequestRef: string) {
  const composer = gw.app.get(OutboundComposer, { strict: false });
  return inTransaction(gw.pool, (tx) =>
    composer.send(tx, {
      partnerId,
      documentType: 'Booking',
      payload: { ...booking, bookingRequestRef },
    }),
  );
}

const stateOf = async (id: string) => (await messages.get(gw.pool, id))!;

describe('IFTMIN to a carrier over SFTP (real sshd)', () => {
  it('lands a Booking as IFTMIN in the outbound folder, renamed from its temporary name', async () => {
    const { dirs } = await addCarrier(gw, server, 'line-out');
    const { messageId, messageRef } = await sendBooking('line-out', 'BR-OUT-1');
    const name = `IFTMIN_${messageRef}.edi`;
    await eventually(async () => (await stateOf(messageId)).state === 'sent');
    expect(filesIn(dirs.outboundDir)).toEqual([name]);
    const written = readFileSync(join(dirs.outboundDir, name));
    expect(written.equals((await messages.raw(gw.pool, messageId))!)).toBe(true);
    const text = written.toString('latin1');
    expect(text).toContain('UNB+UNOC:3+TRADEHUBCN:ZZZ+SINOLINES:ZZZ+');
    expect(text).toContain("UNH+1+IFTMIN:D:99B:UN'BGM+335+BR-OUT-1+9'");
  });

  it('retries while the server is down, ends delivery-failed, and is redelivered once it is back', async () => {
    const { dirs } = await addCarrier(gw, server, 'line-down');
    await server.stop();
    let messageId: string;
    try {
      ({ messageId } = await sendBooking('line-down', 'BR-DOWN-1'));
      const failed = await eventually(async () => {
        const m = await stateOf(messageId);
        return m.state === 'delivery-failed' && m;
      });
      expect(failed.attempts).toBe(gw.config.delivery.attempts);
      expect(failed.lastError).toMatchObject({ detail: { kind: 'transient', final: true } });
      expect(filesIn(dirs.outboundDir)).toEqual([]);
    } finally {
      await server.resume();
    }
    const answer = await gw.request(`/messages/${messageId}/redeliver`, {
      method: 'POST',
      key: gw.adminKey,
    });
    expect(answer.status).toBe(202);
    await eventually(async () => (await stateOf(messageId)).state === 'sent');
    expect(filesIn(dirs.outboundDir)).toEqual([
      `IFTMIN_${(await stateOf(messageId)).partnerRef}.edi`,
    ]);
  });

  it('fails a delivery at once when the outbound folder does not exist (configuration)', async () => {
    await addCarrier(gw, server, 'line-nofolder', { outboundDir: '/nonexistent/out' });
    const { messageId } = await sendBooking('line-nofolder', 'BR-NF-1');
    const failed = await eventually(async () => {
      const m = await stateOf(messageId);
      return m.state === 'delivery-failed' && m;
    });
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatchObject({ detail: { kind: 'config' } });
  });
});
