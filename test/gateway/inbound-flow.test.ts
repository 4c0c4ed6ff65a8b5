import { TradeError } from '../../core/errors/trade-error';
import type { InboundMapping } from '../../core/translation/contract';
import { genericOrderMapping } from '../../mappings/generic-order-json/generic-order.mapping';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';
import { FORMAT_REGISTRY } from '../../gateway/infra/tokens';
import { genericPartner, orderJson } from '../support/fixtures';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { received, startRecordingGateway } from '../support/recording-handler';
import { untilIdle } from '../support/idle';

describe('inbound HTTP -> store -> normalizer -> RabbitMQ -> handler', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startRecordingGateway();
    await gw.partners.upsert(genericPartner('shop-a', { clientId: 'nbhs' }));
  });
  afterAll(() => stopTestGateway(gw));

  const post = (partner: string, body: unknown, headers: Record<string, string> = {}) =>
    gw.request(`/inbound/${partner}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('stores first, answers 202, and the handler gets the canonical envelope exactly once', async () => {
    const response = await post('shop-a', orderJson('SO-FLOW-1'));
    expect(response.status).toBe(202);
    const { messageId } = (await response.json()) as { messageId: string };

    const rows = await eventually(async () => {
      const all = (await received(gw.pool)).filter((r) => r.body.source.messageId === messageId);
      return all.length > 0 && all;
    });
    await untilIdle(gw); // a (wrong) second delivery would have come by now
    const again = (await received(gw.pool)).filter((r) => r.body.source.messageId === messageId);
    expect(again).toHaveLength(1);
    const envelope = rows[0].body;
    expect(envelope.type).toBe('commerce.order.created');
    expect(envelope.documentType).toBe('SalesOrder');
    expect(envelope.clientId).toBe('nbhs');
    expect(envelope.refs).toEqual({ orderNo: ['SO-FLOW-1'], contractNo: ['CT-SO-FLOW-1'] });
    expect((envelope.payload as { totalAmount: unknown }).totalAmount).toEqual({
      amount: '1620.00',
      currency: 'USD',
    });

    const search = await gw.request('/messages?ref=SO-FLOW-1', { key: gw.adminKey });
    expect(search.status).toBe(200);
    const page = (await search.json()) as {
      items: Array<{ id: string; state: string; messageType: string }>;
    };
    expect(page.items.map((m) => m.id)).toEqual([messageId]);
    expect(page.items[0]).toMatchObject({ state: 'processed', messageType: 'generic.order' });

    const trade = (await (
      await gw.request('/trades/CT-SO-FLOW-1', { key: gw.adminKey })
    ).json()) as {
      timeline: Array<{ kind: string }>;
    };
    expect(trade.timeline.map((t) => t.kind).sort()).toEqual(['document', 'message']);
  });

  it('processes the same body twice only once, answering 200 with the first id', async () => {
    const body = JSON.stringify(orderJson('SO-DUP-1'));
    const first = await post('shop-a', body);
    const second = await post('shop-a', body);
    expect(first.status).toBe(202);
    expect(second.status).toBe(200);
    const a = (await first.json()) as { messageId: string };
    const b = (await second.json()) as { messageId: string; duplicate: boolean };
    expect(b).toMatchObject({ messageId: a.messageId, duplicate: true });
    await eventually(async () =>
      (await received(gw.pool)).some((r) => r.body.refs.orderNo?.[0] === 'SO-DUP-1'),
    );
    await untilIdle(gw);
    expect(
      (await received(gw.pool)).filter((r) => r.body.refs.orderNo?.[0] === 'SO-DUP-1'),
    ).toHaveLength(1);
    const dupes = await gw.pool.query(
      `SELECT state, duplicate_of FROM messages WHERE duplicate_of = $1`,
      [a.messageId],
    );
    expect(dupes.rows).toEqual([{ state: 'duplicate', duplicate_of: a.messageId }]);
  });

  it('stores a burst of the same body once, the other copies as its duplicates', async () => {
    const body = JSON.stringify(orderJson('SO-BURST-1'));
    const responses = await Promise.all([
      ...Array.from({ length: 4 }, () => post('shop-a', body)),
      post('shop-a', orderJson('SO-BURST-2')),
    ]);
    const answers = (await Promise.all(responses.map((r) => r.json()))) as Array<{
      messageId: string;
      duplicate?: boolean;
    }>;
    const copies = answers.slice(0, 4);
    const first = copies.find((a) => !a.duplicate)!;
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 202, 202]);
    expect(copies.filter((a) => a.duplicate && a.messageId === first.messageId)).toHaveLength(3);
    const dupes = await gw.pool.query(`SELECT state FROM messages WHERE duplicate_of = $1`, [
      first.messageId,
    ]);
    expect(dupes.rows).toEqual(Array.from({ length: 3 }, () => ({ state: 'duplicate' })));
    await eventually(async () => {
      const orders = (await received(gw.pool)).map((r) => r.body.refs.orderNo?.[0]);
      return orders.includes('SO-BURST-1') && orders.includes('SO-BURST-2');
    });
  });

  it('does not trust the message id of an unsigned sender for dedupe (see test/security)', async () => {
    const first = await post('shop-a', orderJson('SO-REF-1'), { 'x-message-id': 'ERP-77' });
    const second = await post('shop-a', orderJson('SO-REF-1', { remarks: 'resent' }), {
      'x-message-id': 'ERP-77',
    });
    expect([first.status, second.status]).toEqual([202, 202]);
  });

  it('refuses unknown partners, empty and oversize bodies with JSON errors and stores nothing', async () => {
    const before = Number((await gw.pool.query('SELECT count(*) FROM messages')).rows[0].count);
    const unknown = await post('nobody', orderJson('X'));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { status: 404, message: 'unknown partner nobody' },
    });
    const empty = await post('shop-a', '');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(
      /empty body/,
    );
    const huge = await post('shop-a', 'x'.repeat(gw.config.http.inboundMaxBytes + 1));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { status: number } }).error.status).toBe(413);
    const after = Number((await gw.pool.query('SELECT count(*) FROM messages')).rows[0].count);
    expect(after).toBe(before);
  });

  it("hands the partner record's checks to its mapping", async () => {
    // A mapping that reads a deviation only when the partner's checks are lenient (as the
    // EDIFACT date and JSON optional-date readers do): it fails for a default partner.
    const probe: InboundMapping = {
      id: 'checks-probe-order-json',
      format: 'json',
      messageTypes: ['generic.order'],
      toCanonical: (message, ctx) => {
        if (ctx.checks !== 'lenient')
          throw new TradeError('mapping', `checks ${ctx.checks ?? '(default)'}`, {
            stage: 'map',
            location: { pointer: '' },
          });
        return genericOrderMapping.toCanonical(message, ctx);
      },
    };
    gw.app.get<FormatRegistry>(FORMAT_REGISTRY).addInbound(probe);
    const formats = [{ format: 'json', messageType: 'generic.order', mapping: probe.id }];
    await gw.partners.upsert(genericPartner('strict-shop', { formats }));
    await gw.partners.upsert(
      genericPartner('lenient-shop', { formats, settings: { checks: 'lenient' } }),
    );
    const stateOf = async (partner: string, orderNo: string) => {
      const { messageId } = (await (await post(partner, orderJson(orderNo))).json()) as {
        messageId: string;
      };
      return eventually(async () => {
        const detail = (await (
          await gw.request(`/messages/${messageId}`, { key: gw.adminKey })
        ).json()) as { state: string };
        return ['processed', 'failed'].includes(detail.state) && detail.state;
      });
    };
    expect(await stateOf('strict-shop', 'SO-CHECKS-1')).toBe('failed');
    expect(await stateOf('lenient-shop', 'SO-CHECKS-2')).toBe('processed');
  });

  it('stores a malformed body, fails it with stage and location, and replays it once the mapping is fixed', async () => {
    await gw.partners.upsert(genericPartner('legacy-shop'));
    // This partner calls the order lines "items": the standard mapping cannot read it.
    const legacy = { ...orderJson('SO-LEGACY-1'), items: orderJson('x').lines, lines: undefined };
    const response = await post('legacy-shop', legacy);
    expect(response.status).toBe(202);
    const { messageId } = (await response.json()) as { messageId: string };
    const failed = await eventually(async () => {
      const detail = (await (
        await gw.request(`/messages/${messageId}`, { key: gw.adminKey })
      ).json()) as {
        state: string;
        lastError: { stage: string; reason: string; location: { pointer: string } };
        raw: { text: string };
      };
      return detail.state === 'failed' && detail;
    });
    expect(failed.lastError).toMatchObject({ stage: 'map', location: { pointer: '/lines' } });
    expect(failed.lastError.reason).toMatch(/\/lines/);
    expect(JSON.parse(failed.raw.text)).toEqual(JSON.parse(JSON.stringify(legacy)));

    // The fix: a mapping for this partner's dialect, named in its partner record.
    const legacyMapping: InboundMapping = {
      id: 'legacy-order-json',
      format: 'json',
      messageTypes: ['generic.order'],
      toCanonical: (message, ctx) => {
        const { items, ...rest } = message.tree as { items: unknown };
        return genericOrderMapping.toCanonical(
          { ...message, tree: { ...rest, lines: items } },
          ctx,
        );
      },
    };
    gw.app.get<FormatRegistry>(FORMAT_REGISTRY).addInbound(legacyMapping);
    await gw.partners.upsert(
      genericPartner('legacy-shop', {
        formats: [{ format: 'json', messageType: 'generic.order', mapping: 'legacy-order-json' }],
      }),
    );
    const replay = await gw.request(`/messages/${messageId}/replay`, {
      method: 'POST',
      key: gw.adminKey,
    });
    expect(replay.status).toBe(202);
    await eventually(async () =>
      (await received(gw.pool)).some((r) => r.body.source.messageId === messageId),
    );
    const detail = (await (
      await gw.request(`/messages/${messageId}`, { key: gw.adminKey })
    ).json()) as {
      state: string;
      documents: unknown[];
      history: Array<{ state: string }>;
    };
    expect(detail.state).toBe('processed');
    expect(detail.documents).toHaveLength(1);
    expect(detail.history.map((h) => h.state)).toEqual([
      'received',
      'failed',
      'replay-requested',
      'processed',
    ]);
    const again = await gw.request(`/messages/${messageId}/replay`, {
      method: 'POST',
      key: gw.adminKey,
    });
    expect(again.status).toBe(409);
  });
});
