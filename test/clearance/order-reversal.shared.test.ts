import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { enqueueEnvelope } from '../../core/messaging/outbox';
import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import { inTransaction } from '../../core/storage/database';
import { cnCustomsCodec } from '../../mappings/codecs/cn-customs/cn-customs.codec';
import type { RunningSimulator } from '../support/customs-simulator';
import { eventually, type TestGateway } from '../support/gateway-harness';
import { received } from '../support/recording-handler';
import { ReceiptsService } from '../../gateway/domains/clearance/receipts.service';
import { SummaryScheduler } from '../../gateway/domains/clearance/summary.scheduler';
import {
  booking,
  envelopeFor,
  order,
  registerClient,
  startClearanceSuite,
  type ClearanceSuite,
} from './clearance-fixtures';

const CLIENT = 'c-ningbo-reversals';
const envelopeOf = envelopeFor(CLIENT);

interface DeclarationView {
  id: string;
  state: string;
  clientRef: string;
  reason: string | null;
  inventoryNo: string | null;
  submissionGuid: string | null;
  stateAt: string | null;
  history: Array<{ from: string | null; to: string; note: string | null }>;
}

describe('clearance reverses cancelled and returned orders, and sums released lists (CEB701)', () => {
  let suite: ClearanceSuite;
  let sim: RunningSimulator;
  let gw: TestGateway;
  let operator: string;

  beforeAll(async () => {
    suite = await startClearanceSuite();
    ({ sim, gw, operator } = suite);
    await registerClient(api, CLIENT);
  });
  afterAll(() => suite?.stop());

  function api<T>(p: string, init?: Parameters<TestGateway['request']>[1]): Promise<T> {
    return suite.api<T>(p, init);
  }

  const orderOf = (orderNo: string): SalesOrder => ({ ...order, orderNo });

  async function publish(type: string, documentType: string, payload: unknown, orderNo: string) {
    await inTransaction(gw.pool, (tx) =>
      enqueueEnvelope(tx, envelopeOf(type, documentType, payload, { orderNo: [orderNo] })),
    );
  }

  const bookingOf = (orderNo: string) => ({
    ...booking,
    bookingRequestRef: `BK-${orderNo}`,
    orderNos: [orderNo],
  });

  async function declarationOf(orderNo: string): Promise<DeclarationView | undefined> {
    const [row] = await api<DeclarationView[]>(`/clearance/declarations?ref=${orderNo}`);
    return row && api<DeclarationView>(`/clearance/declarations/${row.id}`);
  }

  async function draftFor(orderNo: string): Promise<DeclarationView> {
    await publish('commerce.order.created', 'SalesOrder', orderOf(orderNo), orderNo);
    await publish('logistics.booking.requested', 'Booking', bookingOf(orderNo), orderNo);
    return eventually(() => declarationOf(orderNo));
  }

  const inState = (orderNo: string, state: string, timeoutMs = 30000) =>
    eventually(async () => {
      const d = await declarationOf(orderNo);
      return d?.state === state && d;
    }, timeoutMs);

  /** The CEB messages the simulator took, decoded. */
  function filed() {
    const done = path.join(sim.outDir, 'done');
    if (!existsSync(done)) return [];
    return readdirSync(done).flatMap((name) => {
      const body = readFileSync(path.join(done, name));
      return cnCustomsCodec.decode(body, cnCustomsCodec.detect(body)!).map((m) => m.tree);
    });
  }
  const filedNaming = (text: string) =>
    filed().filter((m) => JSON.stringify(m.business).includes(text));

  it('keeps the stored amounts when a status-only order (Amazon ORDER_CHANGE) arrives', async () => {
    const orderNo = 'SHP-REV-STATUS-1';
    await draftFor(orderNo);
    const zero = { amount: '0', currency: 'CNY' };
    const statusOnly: SalesOrder = {
      ...orderOf(orderNo),
      status: 'SHIPPED',
      goodsValue: zero,
      totalAmount: zero,
      freight: zero,
      lines: order.lines.map((l) => ({ ...l, unitPrice: zero, amount: zero })),
    };
    await publish('commerce.order.created', 'SalesOrder', statusOnly, orderNo);
    const stored = await eventually(async () => {
      const { rows } = await gw.pool.query<{ payload: SalesOrder }>(
        `SELECT payload FROM clearance_sources WHERE client_key = $1 AND order_no = $2 AND document_type = 'SalesOrder'`,
        [CLIENT, orderNo],
      );
      return rows[0]?.payload.status === 'SHIPPED' && rows[0].payload;
    });
    expect(stored.totalAmount).toEqual({ amount: '110.00', currency: 'CNY' });
    expect(stored.lines[0].amount).toEqual({ amount: '90.00', currency: 'CNY' });
  });

  it('cancels a draft: nothing is filed and a submit answers 409 with the reason', async () => {
    const orderNo = 'SHP-REV-DRAFT-1';
    const draft = await draftFor(orderNo);
    await publish('commerce.order.cancelled', 'SalesOrder', orderOf(orderNo), orderNo);
    await inState(orderNo, 'CANCELLED');
    const refused = await gw.request(`/clearance/declarations/${draft.id}/submit`, {
      key: operator,
      method: 'POST',
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(
      'declaration is CANCELLED, not DRAFT: 订单取消 order cancelled (CONFIRMED)',
    );
    expect(filedNaming(orderNo)).toEqual([]);
  });

  it('never drafts an order cancelled before its booking arrived', async () => {
    const orderNo = 'SHP-REV-EARLY-1';
    await publish('commerce.order.created', 'SalesOrder', orderOf(orderNo), orderNo);
    await publish('commerce.order.cancelled', 'SalesOrder', orderOf(orderNo), orderNo);
    await eventually(async () => {
      const { rowCount } = await gw.pool.query(
        `SELECT 1 FROM clearance_sources WHERE order_no = $1 AND document_type = 'OrderReversal'`,
        [orderNo],
      );
      return rowCount === 1;
    });
    await publish('logistics.booking.requested', 'Booking', bookingOf(orderNo), orderNo);
    // The booking is kept (its source row appears) and still no declaration is drafted.
    await eventually(async () => {
      const { rowCount } = await gw.pool.query(
        `SELECT 1 FROM clearance_sources WHERE order_no = $1 AND document_type = 'Booking'`,
        [orderNo],
      );
      return rowCount === 1;
    });
    expect(await declarationOf(orderNo)).toBeUndefined();
  });

  it('withdraws a declared list with one CEB605, however often the cancellation arrives', async () => {
    // `entered`: the simulator enters the list (120, with its invtNo) and does not release it.
    const orderNo = 'SHP-ENTERED-REV-2';
    const draft = await draftFor(orderNo);
    await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
    const entered = await inState(orderNo, 'ENTERED');
    await eventually(async () => (await declarationOf(orderNo))?.inventoryNo);

    const cancelled = envelopeOf('commerce.order.cancelled', 'SalesOrder', orderOf(orderNo), {
      orderNo: [orderNo],
    });
    // The same event delivered twice, and a second cancellation event of the same order.
    await inTransaction(gw.pool, async (tx) => {
      await enqueueEnvelope(tx, cancelled);
      await enqueueEnvelope(tx, { ...cancelled });
    });
    await publish('commerce.order.cancelled', 'SalesOrder', orderOf(orderNo), orderNo);

    const done = await inState(orderNo, 'CANCELLED');
    expect(done.history.map((h) => h.to)).toEqual([
      'DRAFT',
      'DECLARED',
      'ENTERED',
      'CANCELLING',
      'CANCELLING',
      'CANCELLED',
    ]);
    expect(done.history[4].note).toMatch(/^sent CEB605 /);
    const withdrawals = filed().filter((m) => m.messageType === 'CEB605');
    const mine = withdrawals.filter((m) => JSON.stringify(m.business).includes(entered.clientRef));
    expect(mine).toHaveLength(1);
    expect(mine[0].business.InvtCancel[0]).toMatchObject({
      invtNo: done.inventoryNo,
      copNo: entered.clientRef,
    });
    const types = await eventually(async () => {
      const got = (await received(gw.pool))
        .filter(
          (r) =>
            r.type.startsWith('clearance.export-declaration.cancel') &&
            r.refs.orderNo?.includes(orderNo),
        )
        .map((r) => r.type);
      return got.length >= 2 && got;
    });
    expect(types).toEqual([
      'clearance.export-declaration.cancelling',
      'clearance.export-declaration.cancelled',
    ]);
    const trade = await api<{ timeline: Array<{ kind: string; eventType?: string }> }>(
      `/trades/${orderNo}`,
    );
    expect(trade.timeline.map((t) => t.eventType)).toEqual(expect.arrayContaining(types));
  });

  it('withdraws a list cancelled before customs numbered it once the number arrives, or not at all when refused', async () => {
    // `silent`: the simulator takes the list and answers nothing; the receipts come from here.
    const receipts = gw.app.get(ReceiptsService);
    const answer = (guid: string, outcome: 'ENTERED' | 'REJECTED', extra = {}) =>
      receipts.apply({
        messageType: 'CEB603',
        guid,
        returnStatus: outcome === 'ENTERED' ? '120' : '100',
        returnStatusMeaning: outcome === 'ENTERED' ? 'entered' : 'rejected',
        outcome,
        returnTime: new Date(Date.now() + 60_000).toISOString(),
        ...extra,
      });
    const [numbered, refused] = ['SHP-SILENT-REV-5', 'SHP-SILENT-REV-6'];
    for (const orderNo of [numbered, refused]) {
      const draft = await draftFor(orderNo);
      await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
      await publish('commerce.order.cancelled', 'SalesOrder', orderOf(orderNo), orderNo);
      await inState(orderNo, 'CANCELLING');
    }
    const waiting = (await declarationOf(numbered))!;
    // The list leaves once the delivery worker has sent it; the simulator takes it.
    await eventually(async () => Promise.resolve(filedNaming(waiting.clientRef).length > 0));
    expect(filedNaming(waiting.clientRef).map((m) => m.messageType)).toEqual(['CEB603']);

    await answer(waiting.submissionGuid!, 'ENTERED', { inventoryNo: '310520260000000555' });
    const done = await inState(numbered, 'CANCELLED');
    expect(done.history.map((h) => h.note)).toContainEqual(expect.stringMatching(/^sent CEB605 /));
    const withdrawal = filed().find(
      (m) => m.messageType === 'CEB605' && JSON.stringify(m.business).includes(waiting.clientRef),
    );
    expect(withdrawal?.business.InvtCancel[0]).toMatchObject({ invtNo: '310520260000000555' });

    const other = (await declarationOf(refused))!;
    await answer(other.submissionGuid!, 'REJECTED');
    const cancelled = await inState(refused, 'CANCELLED');
    expect(cancelled.history.at(-1)?.note).toMatch(/list refused, nothing to withdraw$/);
    expect(
      filed().filter(
        (m) => m.messageType === 'CEB605' && JSON.stringify(m.business).includes(other.clientRef),
      ),
    ).toEqual([]);
  });

  it('raises an operator alert for an order returned after its list was released', async () => {
    const orderNo = 'SHP-REV-RETURN-3';
    const draft = await draftFor(orderNo);
    await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
    await inState(orderNo, 'RELEASED');
    await publish('commerce.order.returned', 'SalesOrder', orderOf(orderNo), orderNo);
    const alert = await eventually(async () => {
      const alerts = await api<Array<{ kind: string; declarationId: string; detail: unknown }>>(
        `/clearance/alerts?clientId=${CLIENT}`,
      );
      return alerts.find((a) => a.declarationId === draft.id);
    });
    expect(alert).toMatchObject({
      kind: 'ORDER_REVERSED_AFTER_RELEASE',
      detail: {
        kind: 'returned',
        state: 'RELEASED',
        todo: expect.stringMatching(/^order returned after its list was RELEASED: file the return/),
      },
    });
    expect((await declarationOf(orderNo))?.state).toBe('RELEASED');
  });

  it('sums two released 9610 lists into one CEB701 per client and period, each list once', async () => {
    const client = 'c-ningbo-summary';
    await registerClient(api, client);
    const start = new Date(Date.now() - 3600_000).toISOString();
    const released: DeclarationView[] = [];
    for (const orderNo of ['SHP-SUM-1', 'SHP-SUM-2']) {
      await inTransaction(gw.pool, async (tx) => {
        const refs = { orderNo: [orderNo] };
        const of = envelopeFor(client);
        await enqueueEnvelope(
          tx,
          of('commerce.order.created', 'SalesOrder', orderOf(orderNo), refs),
        );
        await enqueueEnvelope(
          tx,
          of('logistics.booking.requested', 'Booking', bookingOf(orderNo), refs),
        );
      });
      const draft = await eventually(() => declarationOf(orderNo));
      await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
      released.push(await inState(orderNo, 'RELEASED'));
    }
    // The simulator dates the release two minutes after the submission.
    const end = new Date(Date.now() + 3600_000).toISOString();
    const body = { clientId: client, periodStart: start, periodEnd: end };
    const first = await api<{
      created: boolean;
      summary: { id: string; inventoryNos: string[]; copNo: string };
    }>('/clearance/summaries', { method: 'POST', json: body });
    expect(first.created).toBe(true);
    expect(first.summary.inventoryNos.sort()).toEqual(released.map((r) => r.inventoryNo).sort());
    const again = await api<{ created: boolean; summary: { id: string } }>('/clearance/summaries', {
      method: 'POST',
      json: body,
    });
    expect(again).toMatchObject({ created: false, summary: { id: first.summary.id } });
    // A wider period finds no list left: each is summed once.
    const wider = await gw.request('/clearance/summaries', {
      key: operator,
      method: 'POST',
      json: { ...body, periodEnd: new Date(Date.now() + 7200_000).toISOString() },
    });
    expect(wider.status).toBe(409);
    const summaries = await eventually(async () => {
      const got = filed().filter((m) => m.messageType === 'CEB701');
      return got.length > 0 && got;
    });
    const mine = summaries.filter((m) => JSON.stringify(m.business).includes(first.summary.copNo));
    expect(mine).toHaveLength(1);
    const list = mine[0].business.SummaryApply[0].SummaryApplyList as unknown as Array<{
      invtNo: string;
    }>;
    expect(list.map((l) => l.invtNo).sort()).toEqual(first.summary.inventoryNos.sort());
    // The simulator answers the summary 2, 120, 800: the summary follows its receipts.
    await eventually(async () => {
      const rows = await api<Array<{ id: string; state: string }>>(
        `/clearance/summaries?clientId=${client}`,
      );
      return rows.find((r) => r.id === first.summary.id)?.state === 'RELEASED';
    });
    // Filing and each state its receipts moved it to are events, on both orders' timelines.
    const summaryEvents = await eventually(async () => {
      const got = (await received(gw.pool)).filter(
        (r) => r.type.startsWith('clearance.summary.') && r.refs.orderNo?.includes('SHP-SUM-1'),
      );
      return got.length >= 3 && got;
    });
    expect(summaryEvents.map((e) => e.type)).toEqual([
      'clearance.summary.declared',
      'clearance.summary.entered',
      'clearance.summary.released',
    ]);
    expect(summaryEvents.every((e) => e.client_id === client)).toBe(true);
    expect(summaryEvents[0].refs.orderNo?.sort()).toEqual(['SHP-SUM-1', 'SHP-SUM-2']);
    const declared = summaryEvents[0].body.payload as { inventoryNos: string[] };
    expect(declared).toMatchObject({
      clientRef: first.summary.copNo,
      seller: { name: '宁波示例贸易有限公司' },
    });
    expect([...declared.inventoryNos].sort()).toEqual([...first.summary.inventoryNos].sort());
    for (const orderNo of ['SHP-SUM-1', 'SHP-SUM-2']) {
      const trade = await api<{ timeline: Array<{ eventType?: string }> }>(`/trades/${orderNo}`);
      expect(trade.timeline.map((t) => t.eventType)).toEqual(
        expect.arrayContaining(summaryEvents.map((e) => e.type)),
      );
    }
  });

  it('the monthly run files the CEB701 of each client with released lists of the month, once', async () => {
    // The list released in the return test above is this client's only one not summed yet.
    const returned = (await declarationOf('SHP-REV-RETURN-3'))!;
    const china = new Date(Date.parse(returned.stateAt!) + 8 * 3600_000);
    const midNextMonth = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() + 1, 15));
    const scheduler = gw.app.get(SummaryScheduler);
    const filedNow = await scheduler.runOnce(midNextMonth);
    expect(filedNow.filter((f) => f.clientId === CLIENT)).toEqual([
      expect.objectContaining({ inventoryNos: [returned.inventoryNo] }),
    ]);
    expect(await scheduler.runOnce(midNextMonth)).toEqual([]);
  });
});
