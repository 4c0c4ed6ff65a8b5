import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PartnerRepository } from '../../core/storage/partner.repository';
import { addCarrier, filesIn, messagesOf, pollNow } from '../support/carrier-sftp';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { SftpTestServer } from '../support/sftp-server';
import { bookingRequest } from './logistics-fixtures';

const REQUEST_REF = 'BR-SFTP-0001';
const BOOKING_NO = 'SNL2506120077';

/** Sino Ocean Lines' files, written from ISO 9735 (CONTRL) and the D.99B IFTMBC layout. */
function lineInterchange(ref: string, type: string, version: string, body: string[]): Buffer {
  const segments = [`UNH+1+${type}:${version}:UN`, ...body];
  const lines = [
    'UNA:+.? ',
    `UNB+UNOC:3+SINOLINES:ZZZ+TRADEHUBCN:ZZZ+250612:0930+${ref}`,
    ...segments,
    `UNT+${segments.length + 1}+1`,
    `UNZ+1+${ref}`,
  ];
  return Buffer.from(`${lines.join("'\n")}'\n`, 'latin1');
}

/** The line's CONTRL accepting our interchange `interchangeRef` and its IFTMIN. */
const contrl = (ref: string, interchangeRef: string) =>
  lineInterchange(ref, 'CONTRL', 'D:3', [
    `UCI+${interchangeRef}+TRADEHUBCN:ZZZ+SINOLINES:ZZZ+7`,
    `UCM+${interchangeRef}+IFTMIN:D:99B:UN+7`,
  ]);

/** The line's booking confirmation naming our request reference (RFF+AGO). */
const iftmbc = (ref: string, carrierRef: string) =>
  lineInterchange(ref, 'IFTMBC', 'D:99B', [
    `BGM+770+${BOOKING_NO}+9+AP`,
    'DTM+137:202506120930:203',
    `RFF+BN:${BOOKING_NO}`,
    `RFF+AGO:${carrierRef}`,
    'TDT+20+052E+1++SNOL:172:182+++9300011:146:11:SINO HARMONY',
    'LOC+9+CNNGB:139:6:NINGBO',
    'DTM+133:202506201800:203',
    'LOC+11+USLGB:139:6:LONG BEACH',
    'DTM+132:202507060800:203',
    'NAD+CA+SNOL:172:182++SINO OCEAN LINES',
    'EQD+CN++45G1:102:5',
    'EQN+1',
  ]);

let server: SftpTestServer;
let gw: TestGateway;
let client: string;

beforeAll(async () => {
  server = await SftpTestServer.start();
  gw = await startTestGateway();
  await new PartnerRepository().upsertClient(gw.pool, {
    id: 'nbla',
    name: 'nbla',
    identifiers: [],
  });
  client = await gw.key('viewer', 'nbla');
});
afterAll(async () => {
  await stopTestGateway(gw);
  await server?.close();
});

const message = async (id: string) =>
  (await (await gw.request(`/messages/${id}`, { key: gw.adminKey })).json()) as {
    state: string;
    history: Array<{ state: string; reason?: string }>;
  };
const booking = async (ref: string) =>
  (await (await gw.request(`/logistics/bookings/${ref}`, { key: client })).json()) as {
    state: string;
    bookingNo: string | null;
  };
async function drop(dir: string, name: string, body: Buffer) {
  writeFileSync(join(dir, name), body);
  expect(await pollNow(gw, 'line-book')).toEqual([
    { outcome: 'polled', result: { received: 1, deferred: 0 } },
  ]);
}

describe('a booking with an EDIFACT carrier over SFTP (real sshd)', () => {
  it('sends the IFTMIN, is acknowledged by the line’s CONTRL and confirmed by its IFTMBC', async () => {
    const { dirs } = await addCarrier(gw, server, 'line-book');
    const response = await gw.request('/logistics/bookings', {
      method: 'POST',
      key: client,
      json: { partnerId: 'line-book', ...bookingRequest(REQUEST_REF) },
    });
    expect(response.status).toBe(201);
    const { outboundMessageId, messageRef, carrierRef } = (await response.json()) as {
      outboundMessageId: string;
      messageRef: string;
      carrierRef: string;
    };

    // The IFTMIN in the line's folder, under its final name.
    await eventually(async () => (await message(outboundMessageId)).state === 'sent');
    const name = `IFTMIN_${messageRef}.edi`;
    expect(filesIn(dirs.outboundDir)).toEqual([name]);
    const text = readFileSync(join(dirs.outboundDir, name), 'latin1');
    expect(text).toContain(`UNB+UNOC:3+TRADEHUBCN:ZZZ+SINOLINES:ZZZ+`);
    expect(text).toContain(`+${messageRef}'`);
    expect(text).toContain(`UNH+${messageRef}+IFTMIN:D:99B:UN'BGM+335+${carrierRef}+9'`);

    // The line's CONTRL for that interchange.
    await drop(dirs.inboundDir, 'CONTRL_SNL501.edi', contrl('SNL501', messageRef));
    const acknowledged = await eventually(async () => {
      const m = await message(outboundMessageId);
      return m.state === 'acknowledged' && m;
    });
    expect(acknowledged.history.at(-1)).toMatchObject({
      state: 'acknowledged',
      reason: 'CONTRL accepted (7)',
    });
    expect((await booking(REQUEST_REF)).state).toBe('requested');

    // The line's booking confirmation.
    await drop(dirs.inboundDir, 'IFTMBC_SNL502.edi', iftmbc('SNL502', carrierRef));
    const confirmed = await eventually(async () => {
      const b = await booking(REQUEST_REF);
      return b.state === 'confirmed' && b;
    });
    expect(confirmed.bookingNo).toBe(BOOKING_NO);
    expect(filesIn(dirs.archiveDir)).toEqual(['CONTRL_SNL501.edi', 'IFTMBC_SNL502.edi']);

    // The IFTMBC is answered with a CONTRL; the line's CONTRL is not.
    const outbound = await eventually(async () => {
      const rows = (await messagesOf(gw, 'line-book')).filter((m) => m.direction === 'out');
      return rows.length === 2 && rows.every((m) => m.state !== 'queued') && rows;
    });
    expect(outbound.map((m) => m.messageType)).toEqual(['IFTMIN', 'CONTRL']);
    // Under its final name: while it uploads it is a `.part` file beside the IFTMIN.
    const answer = await eventually(async () =>
      filesIn(dirs.outboundDir).find((f) => f.startsWith('CONTRL_')),
    );
    expect(filesIn(dirs.outboundDir)).toHaveLength(2);
    expect(readFileSync(join(dirs.outboundDir, answer), 'latin1')).toContain(
      "UCI+SNL502+SINOLINES:ZZZ+TRADEHUBCN:ZZZ+7'",
    );
  });
});
