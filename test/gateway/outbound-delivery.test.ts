import nock from 'nock';
import { OutboundQueue } from '../../core/outbound/outbound-queue';
import { inTransaction } from '../../core/storage/database';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

const PARTNER_HOST = 'https://erp.partner.example';

describe('outbound delivery over bull with retries and a final state', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    await gw.partners.upsert({
      id: 'erp-out',
      name: 'Partner ERP',
      kind: 'generic',
      connector: 'http-generic',
      transports: [
        {
          kind: 'http-outbound',
          url: `${PARTNER_HOST}/orders`,
          token: 'erp-token-123',
          direction: 'out',
        },
      ],
    });
  });
  afterAll(async () => {
    nock.cleanAll();
    await stopTestGateway(gw);
  });

  const send = (orderNo: string) =>
    inTransaction(gw.pool, (tx) =>
      gw.app.get(OutboundQueue).queue(tx, {
        partnerId: 'erp-out',
        connector: 'http-generic',
        transport: 'http-outbound',
        rendered: {
          body: Buffer.from(JSON.stringify({ orderNo })),
          contentType: 'application/json',
          format: 'json',
          messageType: 'generic.order',
          messageRef: orderNo,
        },
        refs: { orderNo: [orderNo] },
      }),
    );

  const stateOf = async (id: string) => {
    const detail = (await (await gw.request(`/messages/${id}`, { key: gw.adminKey })).json()) as {
      state: string;
      attempts: number;
      history: Array<{ state: string; reason?: string }>;
    };
    return detail;
  };

  it('retries transient failures with back-off and ends sent', async () => {
    const scope = nock(PARTNER_HOST)
      .post('/orders', { orderNo: 'OUT-1' })
      .matchHeader('authorization', 'Bearer erp-token-123')
      .reply(503, 'busy')
      .post('/orders')
      .reply(429, 'slow down', { 'retry-after': '0' })
      .post('/orders')
      .reply(201, '{"ok":true}');
    const id = await send('OUT-1');
    const done = await eventually(async () => {
      const d = await stateOf(id);
      return d.state === 'sent' && d;
    }, 20000);
    expect(scope.isDone()).toBe(true);
    expect(done.attempts).toBe(3);
    expect(done.history.map((h) => h.state)).toEqual([
      'queued',
      'sending',
      'queued',
      'sending',
      'queued',
      'sending',
      'sent',
    ]);
  });

  it('fails for good on a rejection, and an operator redelivers it', async () => {
    nock(PARTNER_HOST).post('/orders').reply(400, '{"error":"unknown buyer"}');
    const id = await send('OUT-2');
    const failed = await eventually(async () => {
      const d = await stateOf(id);
      return d.state === 'delivery-failed' && d;
    }, 20000);
    expect(failed.attempts).toBe(1);
    expect(failed.history.at(-1)!.reason).toMatch(/HTTP 400 .*unknown buyer/);

    const viewer = await gw.key('viewer');
    expect(
      (await gw.request(`/messages/${id}/redeliver`, { method: 'POST', key: viewer })).status,
    ).toBe(403);
    const scope = nock(PARTNER_HOST).post('/orders').reply(200, 'ok');
    expect(
      (await gw.request(`/messages/${id}/redeliver`, { method: 'POST', key: gw.adminKey })).status,
    ).toBe(202);
    await eventually(async () => (await stateOf(id)).state === 'sent', 20000);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after the configured attempts when the partner stays down', async () => {
    nock(PARTNER_HOST)
      .post('/orders')
      .times(3)
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const id = await send('OUT-3');
    const failed = await eventually(async () => {
      const d = await stateOf(id);
      return d.state === 'delivery-failed' && d;
    }, 20000);
    expect(failed.attempts).toBe(gw.config.delivery.attempts);
    expect(failed.history.at(-1)!.reason).toMatch(/connection refused/);
  });
});
