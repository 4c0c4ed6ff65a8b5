import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PartnerRepository } from '../../core/storage/partner.repository';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { received, startRecordingGateway } from '../support/recording-handler';
import {
  bookingRequest,
  carrierPartner,
  dcsaBookingCarrier,
  dcsaDocumentEvent,
  dcsaPartner,
  iftmbc,
  iftsta,
  shippingInstructions,
  loadedAtNingbo,
} from './logistics-fixtures';

const REQUEST_REF = 'BR-TEST-0001';
const BOOKING_NO = 'TOL2505009999';

interface BookingView {
  state: string;
  carrierRef: string;
  bookingNo: string | null;
  clientId: string | null;
  history: Array<{ outcome: string; toState?: string; documentType: string }>;
}

/** The carrier's EDI endpoint: records what TradeHub delivers. */
function carrierEndpoint(): Promise<{ server: Server; url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200).end('OK');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/edi`,
        bodies,
      }),
    ),
  );
}

describe('booking lifecycle: request via API, IFTMIN out, IFTMBC in, SI out', () => {
  let gw: TestGateway;
  let carrier: Awaited<ReturnType<typeof carrierEndpoint>>;
  let nbhs: string;
  // The request reference the carrier was sent (ADR 0018), from the create answer.
  let carrierRef: string;

  beforeAll(async () => {
    carrier = await carrierEndpoint();
    // Retries slow enough for a confirmation to overtake an early B/L event.
    gw = await startRecordingGateway({
      env: { RETRY_DELAYS_MS: '1000,2000,4000' },
    });
    await gw.partners.upsert(carrierPartner('test-carrier', carrier.url));
    await gw.partners.upsert(dcsaPartner('test-dcsa'));
    const clients = new PartnerRepository();
    for (const id of ['nbhs', 'szyt'])
      await clients.upsertClient(gw.pool, { id, name: id, identifiers: [] });
    nbhs = await gw.key('viewer', 'nbhs');
  });
  afterAll(async () => {
    await stopTestGateway(gw);
    carrier.server.close();
  });

  const book = (key: string, body: unknown) =>
    gw.request('/logistics/bookings', { method: 'POST', key, json: body });
  const booking = async (ref: string, key = nbhs) =>
    (await (await gw.request(`/logistics/bookings/${ref}`, { key })).json()) as BookingView;
  const outbound = async (type: string) =>
    (
      await gw.pool.query<{ id: string; state: string; raw: Buffer; client_id: string }>(
        `SELECT id, state, p.raw, client_id FROM messages JOIN message_payloads p ON p.message_id = messages.id
          WHERE direction = 'out' AND message_type = $1 ORDER BY received_at`,
        [type],
      )
    ).rows;
  const postEdi = async (body: string) => {
    const response = await gw.request('/inbound/test-carrier', {
      method: 'POST',
      headers: { 'content-type': 'application/edifact' },
      body,
    });
    expect(response.status).toBe(202);
  };
  const handled = async () =>
    Number(
      (
        await gw.pool.query(
          `SELECT count(*) FROM processed_envelopes WHERE consumer = 'logistics-bookings'`,
        )
      ).rows[0].count,
    );

  it('lets operators and client keys book, not plain viewers or other clients', async () => {
    expect(
      (await book(await gw.key('viewer'), { partnerId: 'test-carrier', ...bookingRequest('BR-X') }))
        .status,
    ).toBe(403);
    const foreign = await book(nbhs, {
      partnerId: 'test-carrier',
      clientId: 'szyt',
      ...bookingRequest('BR-X'),
    });
    expect(foreign.status).toBe(403);
    const unknown = await book(nbhs, { partnerId: 'no-such-carrier', ...bookingRequest('BR-X') });
    expect(unknown.status).toBe(404);
    const invalid = await book(nbhs, {
      partnerId: 'test-carrier',
      ...bookingRequest('BR-X', { cargo: [] }),
    });
    expect(invalid.status).toBe(422);
  });

  it('stores the booking as requested and queues an IFTMIN to the carrier in one go', async () => {
    const response = await book(nbhs, {
      partnerId: 'test-carrier',
      ...bookingRequest(REQUEST_REF),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as {
      bookingId: string;
      carrierRef: string;
      state: string;
      outboundMessageId: string;
    };
    expect(created.state).toBe('requested');
    expect(created.carrierRef).toMatch(/^TH\d{10}$/);
    carrierRef = created.carrierRef;
    const [message] = await outbound('IFTMIN');
    expect(message).toMatchObject({ id: created.outboundMessageId, client_id: 'nbhs' });
    expect(['queued', 'sending', 'sent']).toContain(message.state);
    expect(message.raw.toString('utf8')).toContain(`BGM+335+${carrierRef}+9'`);
    await eventually(async () => carrier.bodies.some((b) => b.includes(`BGM+335+${carrierRef}`)));
    await eventually(async () => (await outbound('IFTMIN'))[0].state === 'sent');
    const requested = await eventually(async () =>
      (await received(gw.pool)).find((r) => r.type === 'logistics.booking.requested'),
    );
    expect(requested).toMatchObject({
      client_id: 'nbhs',
      refs: { bookingNo: [REQUEST_REF, carrierRef] },
    });
    expect(await booking(REQUEST_REF)).toMatchObject({ state: 'requested', clientId: 'nbhs' });
  });

  it('books with a DCSA carrier in its own format', async () => {
    await gw.partners.upsert(dcsaBookingCarrier('test-dcsa-carrier', carrier.url));
    const body = bookingRequest('BR-DCSA-0001', { serviceContractRef: 'SC-2025-TOLS-17' });
    const response = await book(nbhs, { partnerId: 'test-dcsa-carrier', ...body });
    expect(response.status).toBe(201);
    const { outboundMessageId } = (await response.json()) as { outboundMessageId: string };
    const { rows } = await gw.pool.query<{ format: string; raw: Buffer }>(
      'SELECT format, p.raw FROM messages JOIN message_payloads p ON p.message_id = id WHERE id = $1',
      [outboundMessageId],
    );
    expect(rows[0].format).toBe('json');
    expect(JSON.parse(rows[0].raw.toString('utf8'))).toMatchObject({
      serviceContractReference: 'SC-2025-TOLS-17',
      receiptTypeAtOrigin: 'CY',
    });
  });

  it('answers a repeated request with the same booking and refuses a different one', async () => {
    const again = await book(nbhs, { partnerId: 'test-carrier', ...bookingRequest(REQUEST_REF) });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false, state: 'requested' });
    const changed = await book(nbhs, {
      partnerId: 'test-carrier',
      ...bookingRequest(REQUEST_REF, { remarks: 'x' }),
    });
    expect(changed.status).toBe(409);
    expect(await outbound('IFTMIN')).toHaveLength(1);
  });

  it('keeps request references per client: another client’s equal one is neither refused nor revealed', async () => {
    const szyt = await gw.key('viewer', 'szyt');
    const theirs = await book(szyt, { partnerId: 'test-carrier', ...bookingRequest(REQUEST_REF) });
    expect(theirs.status).toBe(201);
    const created = (await theirs.json()) as { carrierRef: string };
    // The carrier sees two different references, so its answers name one booking each.
    expect(created.carrierRef).not.toBe(carrierRef);
    expect(
      (await book(szyt, { partnerId: 'test-carrier', ...bookingRequest(REQUEST_REF) })).status,
    ).toBe(200);
    // nbhs still gets its own repeat and conflict, and nothing about szyt's booking.
    expect(
      (await book(nbhs, { partnerId: 'test-carrier', ...bookingRequest(REQUEST_REF) })).status,
    ).toBe(200);
    const changed = await book(nbhs, {
      partnerId: 'test-carrier',
      ...bookingRequest(REQUEST_REF, { remarks: 'y' }),
    });
    expect(changed.status).toBe(409);
    const answer = await changed.text();
    expect(answer).not.toContain('szyt');
    expect(answer).not.toContain(created.carrierRef);
    const own = await booking(REQUEST_REF);
    expect(own).toMatchObject({ clientId: 'nbhs', carrierRef });
    expect(await booking(REQUEST_REF, szyt)).toMatchObject({
      clientId: 'szyt',
      carrierRef: created.carrierRef,
    });
    // An operator sees both, and names the client to choose.
    expect(
      (await gw.request(`/logistics/bookings/${REQUEST_REF}`, { key: gw.adminKey })).status,
    ).toBe(409);
    expect(await booking(`${REQUEST_REF}?clientId=szyt`, gw.adminKey)).toMatchObject({
      clientId: 'szyt',
    });
  });

  it('refuses shipping instructions before the carrier confirms', async () => {
    const early = await gw.request(`/logistics/bookings/${REQUEST_REF}/shipping-instructions`, {
      method: 'POST',
      key: nbhs,
      json: shippingInstructions('SNLU2045180'),
    });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      error: { message: 'shipping instructions need a confirmed booking (requested)' },
    });
  });

  it('is confirmed by the carrier’s IFTMBC, once, even when the IFTMBC comes twice', async () => {
    await postEdi(
      iftmbc({ ref: 'BC-1', bookingNo: BOOKING_NO, requestRef: carrierRef, time: '202505021520' }),
    );
    const confirmed = await eventually(async () => {
      const b = await booking(REQUEST_REF);
      return b.state === 'confirmed' && b;
    });
    expect(confirmed.bookingNo).toBe(BOOKING_NO);
    expect(confirmed.history.map((h) => [h.outcome, h.toState, h.documentType])).toEqual([
      ['requested', 'requested', 'Booking'],
      ['applied', 'confirmed', 'BookingConfirmation'],
    ]);
    // The same confirmation in another interchange: another message, same business fact.
    const before = await handled();
    await postEdi(
      iftmbc({ ref: 'BC-2', bookingNo: BOOKING_NO, requestRef: carrierRef, time: '202505021520' }),
    );
    await eventually(async () => (await handled()) > before);
    const after = await booking(BOOKING_NO);
    expect(after.state).toBe('confirmed');
    expect(after.history).toHaveLength(2);
    // szyt's booking under the same request reference is not touched by nbhs's confirmation.
    expect(await booking(REQUEST_REF, await gw.key('viewer', 'szyt'))).toMatchObject({
      state: 'requested',
      bookingNo: null,
    });
  });

  it('sends shipping instructions once confirmed, and shows the booking to its client only', async () => {
    const response = await gw.request(`/logistics/bookings/${BOOKING_NO}/shipping-instructions`, {
      method: 'POST',
      key: nbhs,
      json: shippingInstructions('SNLU2045180'),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ state: 'si-sent' });
    const messages = (await outbound('IFTMIN')).map((m) => m.raw.toString('utf8'));
    expect(messages.at(-1)).toContain(`BGM+340+`);
    expect(messages.at(-1)).toContain(BOOKING_NO);
    await eventually(async () =>
      (await received(gw.pool)).some((r) => r.type === 'logistics.shipping-instruction.submitted'),
    );
    expect((await booking(BOOKING_NO)).state).toBe('si-sent');
    expect(
      (
        await gw.request(`/logistics/bookings/${BOOKING_NO}`, {
          key: await gw.key('viewer', 'szyt'),
        })
      ).status,
    ).toBe(404);
    expect((await booking(BOOKING_NO, gw.adminKey)).clientId).toBe('nbhs');
  });

  it('attributes the shipment’s milestones to the booking’s client', async () => {
    await postEdi(
      iftsta({
        ref: 'STA-B1',
        docTime: '202505211000',
        bl: 'TOLNGB25059999',
        booking: BOOKING_NO,
        lines: [loadedAtNingbo('SNLU2045180')],
      }),
    );
    const timeline = await eventually(async () => {
      const r = await gw.request('/logistics/shipments/TOLNGB25059999', { key: nbhs });
      return r.status === 200 && ((await r.json()) as { bookingNos: string[]; entries: unknown[] });
    });
    expect(timeline.bookingNos).toEqual([BOOKING_NO]);
    expect(timeline.entries).toHaveLength(1);
  });

  it('adopts a booking first seen in a carrier message and refuses to revive a rejected one', async () => {
    const answer = (ref: string, a: 'AP' | 'RE', time: string) =>
      postEdi(
        iftmbc({ ref, bookingNo: 'TOL2505008888', requestRef: 'BR-PORTAL-7', time, answer: a }),
      );
    await answer('BC-R1', 'RE', '202505030900');
    const rejected = await eventually(async () => {
      const r = await gw.request('/logistics/bookings/TOL2505008888', { key: gw.adminKey });
      return r.status === 200 && ((await r.json()) as BookingView & { origin: string });
    });
    expect(rejected).toMatchObject({ state: 'rejected', origin: 'carrier' });
    await answer('BC-R2', 'AP', '202505031000');
    const refused = await eventually(async () => {
      const b = await booking('TOL2505008888', gw.adminKey);
      return b.history.length === 2 && b;
    });
    expect(refused.state).toBe('rejected');
    expect(refused.history[1]).toMatchObject({
      outcome: 'refused',
      reason: 'booking is rejected; confirmed cannot follow',
    });
  });

  it('retries a B/L draft that overtook the confirmation until the confirmation is in', async () => {
    const created = await book(nbhs, {
      partnerId: 'test-carrier',
      ...bookingRequest('BR-EARLY-1'),
    });
    expect(created.status).toBe(201);
    // The carrier's messages quote the reference it was sent.
    const { carrierRef: sentRef } = (await created.json()) as { carrierRef: string };
    const draft = dcsaDocumentEvent({
      id: 'ev-drft-1',
      code: 'DRFT',
      at: '2025-05-10T08:00:00Z',
      blNo: 'TOLNGB25058888',
      booking: sentRef,
    });
    const early = await gw.request('/inbound/test-dcsa', { method: 'POST', json: [draft] });
    expect(early.status).toBe(202);
    await postEdi(
      iftmbc({
        ref: 'BC-E1',
        bookingNo: 'TOL2505007777',
        requestRef: sentRef,
        time: '202505091200',
      }),
    );
    const drafted = await eventually(async () => {
      const b = await booking('BR-EARLY-1');
      return b.state === 'bl-draft' && b;
    });
    expect(drafted.history.map((h) => [h.outcome, h.toState])).toEqual([
      ['requested', 'requested'],
      ['applied', 'confirmed'],
      ['applied', 'bl-draft'],
    ]);
    expect(drafted.history[2]).toMatchObject({
      reason: 'shipping instructions not seen on the platform',
    });
    const shipment = await gw.request('/logistics/shipments?ref=BR-EARLY-1', { key: nbhs });
    expect(
      ((await shipment.json()) as { shipments: Array<{ blNo: string }> }).shipments.map(
        (s) => s.blNo,
      ),
    ).toEqual(['TOLNGB25058888']);
  });
});
