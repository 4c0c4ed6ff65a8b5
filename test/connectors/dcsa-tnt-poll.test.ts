import nock from 'nock';
import { DcsaTntPoller } from '../../connectors/carrier-dcsa';
import { MessageIntake } from '../../core/ingest/message-intake';
import { MESSAGE_INTAKE } from '../../gateway/partners/partners.tokens';
import type { IntakePort } from '../../core/connector/contract';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import {
  PgPollState,
  equipmentEvent,
  messagesOf,
  pollContext,
  useNockForPartners,
} from './http-connector-support';

const CARRIER = 'https://tnt.oceanic-poll.example';
const page1 = [
  equipmentEvent(1, '2026-03-14T10:05:11Z'),
  equipmentEvent(2, '2026-03-14T11:00:00Z'),
];
const page2 = [equipmentEvent(3, '2026-03-14T12:30:00Z', 'LOAD')];

describe('DCSA T&T polling', () => {
  let gw: TestGateway;
  let intake: MessageIntake;
  const waits: number[] = [];
  useNockForPartners();

  beforeAll(async () => {
    // Pollers and nock only: no background workers needed for what these tests look at.
    gw = await startTestGateway({ env: { WORKERS_ENABLED: 'false' } });
    intake = gw.app.get<MessageIntake>(MESSAGE_INTAKE);
  });
  afterAll(() => stopTestGateway(gw));
  beforeEach(() => {
    waits.length = 0;
  });

  const poller = () => new DcsaTntPoller({ sleep: async (ms) => void waits.push(ms) });
  const partner = (id: string, transport: Record<string, unknown> = {}): Promise<PartnerRecord> =>
    gw.partners.upsert({
      id,
      name: `Carrier ${id}`,
      kind: 'carrier',
      connector: 'carrier-dcsa',
      transports: [
        {
          kind: 'dcsa-tnt',
          direction: 'in',
          baseUrl: `${CARRIER}/${id}/v2`,
          auth: { type: 'bearer', token: 'tnt-token-1' },
          filters: { equipmentReference: 'MSKU7265310' },
          limit: 2,
          ...transport,
        },
      ],
    });
  const tnt = (p: PartnerRecord) => p.transports[0];
  const state = async () => new PgPollState(gw.pool).init();
  const stateOf = async (id: string) =>
    JSON.parse((await (await state()).get(`dcsa-tnt:${id}`)) ?? '{}');

  it('stores each page raw and moves the cursor on only after the page is stored', async () => {
    const p = await partner('tnt-pages', { since: '2026-03-14T00:00:00Z' });
    const first = {
      equipmentReference: 'MSKU7265310',
      limit: '2',
      'eventCreatedDateTime:gt': '2026-03-14T00:00:00Z',
    };
    const scope = nock(CARRIER, { reqheaders: { authorization: 'Bearer tnt-token-1' } })
      .get('/tnt-pages/v2/events')
      .query(first)
      .reply(200, JSON.stringify(page1), { 'Current-Page': 'c1', 'Next-Page': 'c2' })
      .get('/tnt-pages/v2/events')
      .query({ ...first, cursor: 'c2' })
      .reply(200, JSON.stringify(page2), { 'Current-Page': 'c2' });
    const store = await state();
    const cursorsAtStore: unknown[] = [];
    const watching: IntakePort = {
      receive: async (m) => {
        cursorsAtStore.push((await stateOf('tnt-pages')).cursor ?? null);
        return intake.receive(m);
      },
    };
    const result = await poller().poll(p, tnt(p), pollContext(watching, store));
    scope.done();
    expect(result).toEqual({ received: 2, deferred: 0 });
    // When page 2 was stored, the saved cursor still pointed at page 2 itself.
    expect(cursorsAtStore).toEqual([null, 'c2']);
    const stored = await messagesOf(gw.pool, 'tnt-pages');
    expect(stored.map((m) => JSON.parse(m.raw))).toEqual([page1, page2]);
    expect(
      stored.every((m) => m.transport === 'dcsa-tnt' && m.partner_ref?.startsWith('tnt:')),
    ).toBe(true);
    // The chain is done: the next poll starts after the newest event seen.
    expect(await stateOf('tnt-pages')).toEqual({ since: '2026-03-14T12:30:00Z' });
  });

  it('keeps the cursor of a page it could not store, and reads that page again next time', async () => {
    const p = await partner('tnt-crash');
    const scope = nock(CARRIER)
      .get('/tnt-crash/v2/events')
      .query({ equipmentReference: 'MSKU7265310', limit: '2' })
      .reply(200, JSON.stringify(page1), { 'Next-Page': 'c2' })
      .get('/tnt-crash/v2/events')
      .query({ equipmentReference: 'MSKU7265310', limit: '2', cursor: 'c2' })
      .twice()
      .reply(200, JSON.stringify(page2));
    const store = await state();
    let calls = 0;
    const failing: IntakePort = {
      receive: async (m) => {
        if (++calls === 2) throw new Error('database went away');
        return intake.receive(m);
      },
    };
    await expect(poller().poll(p, tnt(p), pollContext(failing, store))).rejects.toThrow(
      'database went away',
    );
    expect((await stateOf('tnt-crash')).cursor).toBe('c2');
    expect(await poller().poll(p, tnt(p), pollContext(intake, store))).toEqual({
      received: 1,
      deferred: 0,
    });
    scope.done();
    expect((await messagesOf(gw.pool, 'tnt-crash')).map((m) => JSON.parse(m.raw))).toEqual([
      page1,
      page2,
    ]);
  });

  it('waits what a 429 Retry-After asks, then reads the page', async () => {
    const p = await partner('tnt-429');
    const scope = nock(CARRIER)
      .get('/tnt-429/v2/events')
      .query(true)
      .reply(429, { statusCodeMessage: 'slow down' }, { 'Retry-After': '3' })
      .get('/tnt-429/v2/events')
      .query(true)
      .reply(200, JSON.stringify(page1));
    const result = await poller().poll(p, tnt(p), pollContext(intake, await state()));
    scope.done();
    expect(waits).toEqual([3000]);
    expect(result).toEqual({ received: 1, deferred: 0 });
  });

  it('renews the OAuth2 token on 401 and goes on', async () => {
    const p = await partner('tnt-oauth', {
      auth: {
        type: 'oauth2-client-credentials',
        tokenUrl: 'https://login.oceanic-poll.example/oauth2/token',
        clientId: 'tradehub-tnt',
        clientSecret: 'tnt-client-secret',
      },
    });
    const idp = nock('https://login.oceanic-poll.example')
      .post('/oauth2/token', 'grant_type=client_credentials')
      .reply(200, { access_token: 'old-token', expires_in: 3600 })
      .post('/oauth2/token', 'grant_type=client_credentials')
      .reply(200, { access_token: 'new-token', expires_in: 3600 });
    const api = nock(CARRIER)
      .get('/tnt-oauth/v2/events')
      .query(true)
      .matchHeader('authorization', 'Bearer old-token')
      .reply(401, { statusCodeMessage: 'token expired' })
      .get('/tnt-oauth/v2/events')
      .query(true)
      .matchHeader('authorization', 'Bearer new-token')
      .reply(200, JSON.stringify(page1));
    expect(await poller().poll(p, tnt(p), pollContext(intake, await state()))).toEqual({
      received: 1,
      deferred: 0,
    });
    idp.done();
    api.done();
  });

  it('continues from the saved cursor after a restart, reading no page twice', async () => {
    const p = await partner('tnt-restart', { maxPagesPerPoll: 1 });
    const query = { equipmentReference: 'MSKU7265310', limit: '2' };
    nock(CARRIER)
      .get('/tnt-restart/v2/events')
      .query(query)
      .once()
      .reply(200, JSON.stringify(page1), {
        'Next-Page': `${CARRIER}/tnt-restart/v2/events?cursor=c2`,
      });
    expect(await poller().poll(p, tnt(p), pollContext(intake, await state()))).toEqual({
      received: 1,
      deferred: 1,
    });
    // "Restart": a new poller and a new state store object over the same table.
    const second = nock(CARRIER)
      .get('/tnt-restart/v2/events')
      .query({ ...query, cursor: 'c2' })
      .reply(200, JSON.stringify(page2));
    expect(await poller().poll(p, tnt(p), pollContext(intake, await state()))).toEqual({
      received: 1,
      deferred: 0,
    });
    second.done();
    expect(nock.pendingMocks()).toEqual([]);
    const stored = await messagesOf(gw.pool, 'tnt-restart');
    expect(stored.map((m) => m.state)).toEqual(['received', 'received']);
    expect(stored.map((m) => JSON.parse(m.raw))).toEqual([page1, page2]);
  });

  it('fails soft when the carrier cannot be reached: nothing stored, cursor kept', async () => {
    const p = await partner('tnt-down', { http: { retries: 1, retryBaseMs: 10 } });
    nock(CARRIER)
      .get('/tnt-down/v2/events')
      .query(true)
      .times(2)
      .replyWithError('connect ECONNREFUSED 10.0.0.1:443');
    const store = await state();
    await store.set('dcsa-tnt:tnt-down', JSON.stringify({ cursor: 'c7' }));
    expect(await poller().poll(p, tnt(p), pollContext(intake, store))).toEqual({
      received: 0,
      deferred: 1,
      error: expect.objectContaining({ kind: 'transient' }),
    });
    expect(await stateOf('tnt-down')).toEqual({ cursor: 'c7' });
    expect(waits).toHaveLength(1);
    expect(await messagesOf(gw.pool, 'tnt-down')).toEqual([]);
  });

  it('shows a 503 in the transport state (GET /partners/:id, partner health) until a poll succeeds', async () => {
    await partner('tnt-503', { since: '2026-03-14T00:00:00Z', http: { retries: 0 } });
    nock(CARRIER)
      .get('/tnt-503/v2/events')
      .query(true)
      .reply(503, 'maintenance')
      .get('/tnt-503/v2/events')
      .query(true)
      .reply(200, '[]');
    const pollNow = async () =>
      expect(
        (await gw.request('/partners/tnt-503/poll', { method: 'POST', key: gw.adminKey })).status,
      ).toBe(200);
    const detail = async () =>
      (
        (await (await gw.request('/partners/tnt-503', { key: gw.adminKey })).json()) as {
          operations: { transports: Array<Record<string, unknown>> };
        }
      ).operations.transports;
    const health = async () =>
      (
        (await (await gw.request('/partners/health', { key: gw.adminKey })).json()) as {
          items: Array<{ partnerId: string; transports: Array<Record<string, unknown>> }>;
        }
      ).items.find((h) => h.partnerId === 'tnt-503')?.transports;

    // The poller fails soft (cursor kept, round deferred), yet the transport shows the error.
    await pollNow();
    const failing = {
      kind: 'dcsa-tnt',
      reachable: false,
      consecutiveFailures: 1,
      lastPoll: expect.objectContaining({
        outcome: 'error',
        kind: 'transient',
        reason: expect.stringMatching(/503/),
      }),
    };
    expect(await detail()).toEqual([expect.objectContaining(failing)]);
    expect(await health()).toEqual([expect.objectContaining(failing)]);

    await pollNow();
    const recovered = {
      reachable: true,
      consecutiveFailures: 0,
      lastPoll: expect.objectContaining({ outcome: 'ok' }),
    };
    expect(await detail()).toEqual([expect.objectContaining(recovered)]);
    expect(await health()).toEqual([expect.objectContaining(recovered)]);
    expect(nock.isDone()).toBe(true);
  });
});
