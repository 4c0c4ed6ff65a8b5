import nock from 'nock';
import { DcsaBookingStatusPoller, SentBookingRefs } from '../../connectors/carrier-dcsa';
import { MessageIntake } from '../../core/ingest/message-intake';
import { MESSAGE_INTAKE } from '../../gateway/partners/partners.tokens';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { received, startRecordingGateway } from '../support/recording-handler';
import {
  PgPollState,
  historyOf,
  messagesOf,
  newBooking,
  pollContext,
  sendThroughComposer,
  settledStates,
  useNockForPartners,
} from './http-connector-support';

const HOST = 'https://api.oceanic-booking.example';

describe('DCSA Booking 2.0 out, booking status in', () => {
  let gw: TestGateway;
  useNockForPartners();

  beforeAll(async () => {
    gw = await startRecordingGateway();
  });
  afterAll(() => stopTestGateway(gw));

  const partner = (id: string) =>
    gw.partners.upsert({
      id,
      name: `Carrier ${id}`,
      kind: 'carrier',
      connector: 'carrier-dcsa',
      formats: [
        {
          format: 'json',
          messageType: 'dcsa.booking.confirmation',
          mapping: 'dcsa-booking-2-confirmation',
        },
        {
          format: 'json',
          messageType: 'dcsa.booking.request',
          mapping: 'dcsa-booking-2-request-render',
          direction: 'out',
        },
      ],
      transports: [
        {
          kind: 'dcsa-booking-poll',
          direction: 'in',
          baseUrl: `${HOST}/${id}/v2`,
          auth: { type: 'bearer', token: 'bkg-token-7' },
        },
        {
          kind: 'dcsa-booking',
          direction: 'out',
          baseUrl: `${HOST}/${id}/v2`,
          auth: { type: 'bearer', token: 'bkg-token-7' },
          // No in-call retry: each attempt is a bull job attempt, visible in the history.
          http: { retries: 0 },
        },
      ],
    });
  const send = async (partnerId: string, ref: string) => {
    const [messageId] = await sendThroughComposer(gw, [
      { partnerId, documentType: 'Booking', payload: newBooking(ref) },
    ]);
    return { messageId };
  };
  const finalState = async (messageId: string) => (await settledStates(gw, [messageId]))[0];

  it('posts the rendered booking with its token; a 503 is retried and the 202 recorded', async () => {
    await partner('oceanic-bkg');
    const bodies: unknown[] = [];
    const scope = nock(`${HOST}/oceanic-bkg/v2`, {
      reqheaders: { authorization: 'Bearer bkg-token-7' },
    })
      .post('/bookings', (b) => bodies.push(b) > 0)
      .reply(503, { statusCodeMessage: 'booking service restarting' }, { 'Retry-After': '0' })
      .post('/bookings', (b) => bodies.push(b) > 0)
      .reply(202, { carrierBookingRequestReference: 'CBR-0520-1' });
    const { messageId } = await send('oceanic-bkg', 'BR-0520-1');
    expect(await finalState(messageId)).toBe('sent');
    scope.done();
    const [stored] = (await messagesOf(gw.pool, 'oceanic-bkg')).filter((m) => m.id === messageId);
    expect(bodies).toEqual([JSON.parse(stored.raw), JSON.parse(stored.raw)]);
    expect(bodies[0]).toMatchObject({
      serviceContractReference: 'SC-OCNL-26-044',
      receiptTypeAtOrigin: 'CY',
    });
    const history = await historyOf(gw.pool, messageId);
    expect(history.map((h) => h.state)).toEqual(['queued', 'sending', 'queued', 'sending', 'sent']);
    expect(history[2].reason).toContain('HTTP 503 booking service restarting');
    expect(history[4].detail).toMatchObject({
      attempt: 2,
      httpStatus: 202,
      operation: 'create',
      carrierBookingRequestReference: 'CBR-0520-1',
    });
  });

  it('fails a 400 at once with the carrier error in the history', async () => {
    await partner('oceanic-bkg-bad');
    nock(`${HOST}/oceanic-bkg-bad/v2`)
      .post('/bookings')
      .once()
      .reply(400, {
        httpMethod: 'POST',
        requestUri: '/v2/bookings',
        statusCode: 400,
        statusCodeText: 'Bad Request',
        statusCodeMessage: 'The supplied data could not be accepted',
        errorDateTime: '2026-05-20T08:00:00Z',
        errors: [
          {
            errorCode: 7003,
            property: 'serviceContractReference',
            errorCodeText: 'invalidData',
            errorCodeMessage: 'unknown service contract',
          },
        ],
      });
    const { messageId } = await send('oceanic-bkg-bad', 'BR-0520-2');
    expect(await finalState(messageId)).toBe('delivery-failed');
    const history = await historyOf(gw.pool, messageId);
    expect(history.map((h) => h.state)).toEqual(['queued', 'sending', 'delivery-failed']);
    expect(history[2].reason).toContain(
      'HTTP 400 The supplied data could not be accepted; [7003] serviceContractReference: unknown service contract',
    );
    expect(history[2].detail).toMatchObject({ attempt: 1, kind: 'rejected', final: true });
  });

  it('polls the status of the bookings sent and stores a changed answer for the mapping', async () => {
    await partner('oceanic-bkg-poll');
    const api = nock(`${HOST}/oceanic-bkg-poll/v2`, {
      reqheaders: { authorization: 'Bearer bkg-token-7' },
    })
      .post('/bookings')
      .reply(202, { carrierBookingRequestReference: 'CBR-0520-3' });
    const { messageId } = await send('oceanic-bkg-poll', 'BR-0520-3');
    expect(await finalState(messageId)).toBe('sent');
    const [request] = await messagesOf(gw.pool, 'oceanic-bkg-poll');
    const confirmed = {
      ...(JSON.parse(request.raw) as object),
      carrierBookingRequestReference: 'CBR-0520-3',
      carrierBookingReference: 'OCN2605203',
      bookingStatus: 'CONFIRMED',
    };
    api.get('/bookings/CBR-0520-3').twice().reply(200, confirmed);
    const p = gw.partners.get('oceanic-bkg-poll');
    const settings = p.transports.find((t) => t.kind === 'dcsa-booking-poll')!;
    const poller = new DcsaBookingStatusPoller(new SentBookingRefs(gw.pool));
    const ctx = pollContext(
      gw.app.get<MessageIntake>(MESSAGE_INTAKE),
      await new PgPollState(gw.pool).init(),
    );
    expect(await poller.poll(p, settings, ctx)).toEqual({ received: 1, deferred: 0 });
    // Unchanged answer: asked again (CONFIRMED is not final) but not stored again.
    expect(await poller.poll(p, settings, ctx)).toEqual({ received: 0, deferred: 0 });
    api.done();
    const rows = await eventually(async () => {
      const r = (await received(gw.pool)).filter(
        (x) =>
          x.type === 'logistics.booking.confirmed' &&
          x.body.source.partnerId === 'oceanic-bkg-poll',
      );
      return r.length > 0 && r;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].body.documentType).toBe('BookingConfirmation');
    expect(rows[0].refs.bookingNo).toContain('OCN2605203');
  });
});
