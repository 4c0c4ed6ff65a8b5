import nock from 'nock';
import { createTntSubscription, secretKey, signNotification } from '../../connectors/carrier-dcsa';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { receivedFrom, startRecordingGateway } from '../support/recording-handler';
import { equipmentEvent, messagesOf, useNockForPartners } from './http-connector-support';
import { untilIdle } from '../support/idle';

const CARRIER = 'https://api.oceanic-callback.example/tnt/v2';
const SECRET = Buffer.from('callback-secret-for-the-tests-32b').toString('base64');

describe('DCSA T&T callbacks', () => {
  let gw: TestGateway;
  useNockForPartners();

  beforeAll(async () => {
    gw = await startRecordingGateway();
  });
  afterAll(() => stopTestGateway(gw));

  const partner = (id: string, inbound: Record<string, unknown> = {}) =>
    gw.partners.upsert({
      id,
      name: `Carrier ${id}`,
      kind: 'carrier',
      connector: 'carrier-dcsa',
      formats: [{ format: 'json', messageType: 'dcsa.tnt.events', mapping: 'dcsa-tnt-events' }],
      transports: [
        {
          kind: 'dcsa-tnt',
          direction: 'in',
          mode: 'push',
          baseUrl: CARRIER,
          auth: { type: 'bearer', token: 'cb-token' },
          filters: { equipmentReference: 'MSKU7265310' },
        },
        { kind: 'http-inbound', direction: 'in', subscriptionSecret: SECRET, ...inbound },
      ],
    });
  const post = (
    id: string,
    body: string,
    signature: string,
    headers: Record<string, string> = {},
  ) =>
    gw.request(`/inbound/${id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'notification-signature': signature,
        ...headers,
      },
      body,
    });
  const sign = (body: string) => signNotification(secretKey(SECRET, 'base64'), Buffer.from(body));
  const envelopesOf = (id: string) => receivedFrom(gw.pool, id);

  it('turns a signed notification into ShipmentEvent envelopes; a resend is a duplicate', async () => {
    await partner('oceanic-cb');
    const events = [
      equipmentEvent(1, '2026-03-20T01:00:00Z'),
      equipmentEvent(2, '2026-03-20T02:00:00Z', 'LOAD'),
    ];
    const body = JSON.stringify(events);
    const first = await post('oceanic-cb', body, sign(body));
    expect(first.status).toBe(202);
    const rows = await eventually(async () => {
      const r = await envelopesOf('oceanic-cb');
      return r.length === 2 && r;
    });
    expect(rows.map((r) => r.type)).toEqual([
      'logistics.shipment.status',
      'logistics.shipment.status',
    ]);
    expect(rows.map((r) => r.body.documentType)).toEqual(['ShipmentEvent', 'ShipmentEvent']);
    expect(rows[0].refs).toMatchObject({ containerNo: ['MSKU7265310'], bookingNo: ['OCN2611045'] });

    // The same callback again, and the same events written differently: both duplicates.
    const replay = await post('oceanic-cb', body, sign(body));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    const pretty = JSON.stringify([...events].reverse(), null, 2);
    expect((await post('oceanic-cb', pretty, sign(pretty))).status).toBe(200);
    await untilIdle(gw); // a (wrong) second delivery would have come by now
    expect(await envelopesOf('oceanic-cb')).toHaveLength(2);
    const stored = await messagesOf(gw.pool, 'oceanic-cb');
    expect(stored.map((m) => m.state)).toEqual(['processed', 'duplicate', 'duplicate']);
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    await partner('oceanic-bad');
    const body = JSON.stringify([equipmentEvent(3, '2026-03-21T01:00:00Z')]);
    const forged = signNotification(Buffer.from('not-the-secret'), Buffer.from(body));
    expect((await post('oceanic-bad', body, forged)).status).toBe(401);
    expect((await post('oceanic-bad', body, '')).status).toBe(401);
    expect(await messagesOf(gw.pool, 'oceanic-bad')).toEqual([]);
  });

  it('creates the subscription with our callback URL and secret; other subscriptions are refused', async () => {
    const p = await partner('oceanic-sub');
    const scope = nock('https://api.oceanic-callback.example', {
      reqheaders: { authorization: 'Bearer cb-token' },
    })
      .post('/tnt/v2/event-subscriptions', {
        equipmentReference: 'MSKU7265310',
        callbackUrl: `${gw.url}/inbound/oceanic-sub`,
        secret: SECRET,
      })
      .reply(201, {
        subscriptionID: '8fbdc2d8-57c8-48b9-a04b-18fd8ec1d809',
        callbackUrl: `${gw.url}/inbound/oceanic-sub`,
        equipmentReference: 'MSKU7265310',
      });
    const subscription = await createTntSubscription(p, { gatewayUrl: gw.url });
    scope.done();
    expect(subscription.subscriptionID).toBe('8fbdc2d8-57c8-48b9-a04b-18fd8ec1d809');

    await partner('oceanic-sub', { subscriptionId: subscription.subscriptionID });
    const body = JSON.stringify([equipmentEvent(4, '2026-03-22T01:00:00Z')]);
    const other = { 'subscription-id': 'b80d923d-e8ac-4c34-9506-55d3de347034' };
    expect((await post('oceanic-sub', body, sign(body), other)).status).toBe(401);
    const ours = { 'subscription-id': subscription.subscriptionID };
    expect((await post('oceanic-sub', body, sign(body), ours)).status).toBe(202);
  });
});
