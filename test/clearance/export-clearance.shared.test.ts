import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cnCustomsCodec } from '../../mappings/codecs/cn-customs/cn-customs.codec';
import { enqueueEnvelope } from '../../core/messaging/outbox';
import { inTransaction } from '../../core/storage/database';
import { PartnerRepository } from '../../core/storage/partner.repository';
import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import type { RunningSimulator } from '../support/customs-simulator';
import { eventually, type TestGateway } from '../support/gateway-harness';
import { received } from '../support/recording-handler';
import { ReceiptsService } from '../../gateway/domains/clearance/receipts.service';
import {
  booking,
  envelopeFor,
  invoiceFor,
  order,
  packingListFor,
  registerClient,
  startClearanceSuite,
  type ClearanceSuite,
} from './clearance-fixtures';

const CLIENT = 'c-ningbo-mugs';
const ORDER_NO = order.orderNo;
const envelopeOf = envelopeFor(CLIENT);

interface DeclarationView {
  id: string;
  state: string;
  problems: unknown[];
  hold: string | null;
  history: Array<{ from: string | null; to: string; note: string | null }>;
}

describe('export clearance end to end: order and booking -> CEB603 -> simulator receipts -> released', () => {
  let suite: ClearanceSuite;
  let sim: RunningSimulator;
  let gw: TestGateway;
  let operator: string;

  beforeAll(async () => {
    suite = await startClearanceSuite();
    ({ sim, gw, operator } = suite);
  });
  afterAll(() => suite?.stop());

  const api = <T>(p: string, init?: Parameters<TestGateway['request']>[1]) => suite.api<T>(p, init);

  it('drafts, validates, submits and follows the receipts up to released, publishing each state', async () => {
    await registerClient(api, CLIENT);

    // The order and its booking reach RabbitMQ through the outbox relay, as normalised documents do.
    await inTransaction(gw.pool, async (tx) => {
      await enqueueEnvelope(
        tx,
        envelopeOf('commerce.order.created', 'SalesOrder', order, { orderNo: [ORDER_NO] }),
      );
      await enqueueEnvelope(
        tx,
        envelopeOf('logistics.booking.requested', 'Booking', booking, { orderNo: [ORDER_NO] }),
      );
    });

    const [draft] = await eventually(async () => {
      const rows = await api<DeclarationView[]>(`/clearance/declarations?ref=${ORDER_NO}`);
      return rows.length > 0 && rows;
    });
    expect(await api(`/clearance/declarations/${draft.id}/problems`)).toEqual({
      id: draft.id,
      state: 'DRAFT',
      hold: null,
      problems: [],
    });

    await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
    const released = await eventually(async () => {
      const d = await api<DeclarationView>(`/clearance/declarations/${draft.id}`);
      return d.state === 'RELEASED' && d;
    }, 30000);
    // The 120 and 800 receipts may be handled in one go: a 120 after the 800 is late and
    // ignored (states never regress), so ENTERED may be skipped.
    expect(released.history.map((h) => h.to).join(',')).toMatch(
      /^DRAFT,DECLARED,(ENTERED,)?RELEASED$/,
    );

    // Each file was stored before it left and followed to its final receipt (800: released);
    // the answers came in as stored messages of the customs partner, through the intake.
    const outbound = await eventually(async () => {
      const { rows } = await gw.pool.query<{ messageType: string; state: string }>(
        `SELECT message_type AS "messageType", state FROM messages
          WHERE direction = 'out' AND correlation_id = $1 ORDER BY message_type`,
        [draft.id],
      );
      return rows.length === 3 && rows.every((r) => r.state === 'acknowledged') && rows;
    }, 30000);
    expect(outbound.map((r) => r.messageType)).toEqual(['CEB303', 'CEB505', 'CEB603']);
    const { rows: answers } = await gw.pool.query<{ transport: string; state: string }>(
      `SELECT DISTINCT transport, state FROM messages
        WHERE direction = 'in' AND partner_id = 'china-single-window'`,
    );
    expect(answers).toEqual([{ transport: 'folder', state: 'processed' }]);

    // The order's set was filed once: its CEB303, CEB505 and CEB603, all taken by the simulator.
    const filed = readdirSync(path.join(sim.outDir, 'done')).flatMap((name) => {
      const body = readFileSync(path.join(sim.outDir, 'done', name));
      return cnCustomsCodec.decode(body, cnCustomsCodec.detect(body)!).map((m) => m.tree);
    });
    // CEB505 names the parcel, not the order: it is found by the list's logisticsNo.
    const list = filed.find(
      (m) => m.messageType === 'CEB603' && JSON.stringify(m.business).includes(ORDER_NO),
    );
    const parcel = (list!.business.Inventory[0].InventoryHead as { logisticsNo: string })
      .logisticsNo;
    const mine = filed.filter((m) => {
      const text = JSON.stringify(m.business);
      return text.includes(ORDER_NO) || text.includes(parcel);
    });
    expect(mine.map((m) => m.messageType).sort()).toEqual(['CEB303', 'CEB505', 'CEB603']);
    const again = await gw.request(`/clearance/declarations/${draft.id}/submit`, {
      key: operator,
      method: 'POST',
    });
    expect(again.status).toBe(409);

    const types = ['draft', 'declared', 'entered', 'released'].map(
      (s) => `clearance.export-declaration.${s}`,
    );
    const clearanceEvents = async () =>
      (await received(gw.pool)).filter((r) => r.type.startsWith('clearance.export-declaration.'));
    const events = await eventually(async () => {
      const got = await clearanceEvents();
      return got.length >= types.length && got;
    }, 30000).catch(async (err: Error) => {
      throw new Error(
        `${err.message}; recorded ${(await clearanceEvents()).map((e) => e.type).join(', ')}`,
      );
    });
    expect(events.map((e) => e.type)).toEqual(types);
    expect(events.every((e) => e.client_id === CLIENT)).toBe(true);
    // The answers travel as receipt events too: a DxpRep and 2, 120, 800 for each of the three.
    const receipts = await eventually(async () => {
      const got = (await received(gw.pool)).filter(
        (r) => r.type === 'clearance.declaration.receipt',
      );
      return got.length >= 12 && got;
    }, 30000);
    expect(receipts).toHaveLength(12);

    const trade = await api<{ timeline: Array<{ kind: string; eventType?: string }> }>(
      `/trades/${ORDER_NO}`,
    );
    expect(trade.timeline.filter((t) => t.kind === 'document').map((t) => t.eventType)).toEqual(
      expect.arrayContaining(types),
    );
  });

  /** Publishes an order and its booking for a client, returns its declaration once drafted. */
  async function draftFor(
    clientId: string,
    orderNo: string,
    buyer: SalesOrder['buyer'],
    customsMode: SalesOrder['customsMode'] = order.customsMode,
  ) {
    const refs = { orderNo: [orderNo] };
    await inTransaction(gw.pool, async (tx) => {
      const o = { ...order, orderNo, buyer, customsMode };
      const b = { ...booking, bookingRequestRef: `BK-${orderNo}`, orderNos: [orderNo] };
      await enqueueEnvelope(tx, {
        ...envelopeOf('commerce.order.created', 'SalesOrder', o, refs),
        clientId,
      });
      await enqueueEnvelope(tx, {
        ...envelopeOf('logistics.booking.requested', 'Booking', b, refs),
        clientId,
      });
      if (customsMode === '9610') return;
      // A B2B declaration is checked against the invoice and packing list.
      const invoice = envelopeOf(
        'commerce.invoice.issued',
        'CommercialInvoice',
        invoiceFor(orderNo),
        refs,
      );
      const packing = envelopeOf(
        'commerce.packing-list.issued',
        'PackingList',
        packingListFor(orderNo),
        refs,
      );
      await enqueueEnvelope(tx, { ...invoice, clientId });
      await enqueueEnvelope(tx, { ...packing, clientId });
    });
    const [row] = await eventually(async () => {
      const rows = await api<DeclarationView[]>(`/clearance/declarations?ref=${orderNo}`);
      return rows.length > 0 && rows;
    });
    return row;
  }

  /** The declaration once in `state`. */
  const inState = (id: string, state: string) =>
    eventually(async () => {
      const d = await api<DeclarationView & { reason: string | null }>(
        `/clearance/declarations/${id}`,
      );
      return d.state === state && d;
    }, 30000);

  /** The outbound messages of a declaration's set and their states, once all are final. */
  const settled = (id: string) =>
    eventually(async () => {
      const { rows } = await gw.pool.query<{ messageType: string; state: string }>(
        `SELECT message_type AS "messageType", state FROM messages
          WHERE direction = 'out' AND correlation_id = $1 ORDER BY message_type`,
        [id],
      );
      return (
        rows.length === 3 && rows.every((r) => r.state !== 'sent' && r.state !== 'queued') && rows
      );
    }, 30000);

  /** The CEB messages of an order the simulator took, by type. */
  function filedFor(orderNo: string) {
    const done = path.join(sim.outDir, 'done');
    const all = readdirSync(done).flatMap((name) => {
      const body = readFileSync(path.join(done, name));
      return cnCustomsCodec.decode(body, cnCustomsCodec.detect(body)!).map((m) => m.tree);
    });
    const byType = (type: string) =>
      all.find((m) => m.messageType === type && JSON.stringify(m.business).includes(orderNo));
    return { order: byType('CEB303'), list: byType('CEB603') };
  }

  it.each([
    ['9710', 'B'],
    ['9810', 'W'],
  ] as const)(
    'files a %s order as its mode (CEB303 orderType %s, CEB603 tradeMode) and follows it to released',
    async (mode, orderType) => {
      await registerClient(api, CLIENT);
      const orderNo = `SHP-MODE-${mode}`;
      const draft = await draftFor(CLIENT, orderNo, order.buyer, mode);
      // Drafted once the invoice and packing list are there too, then without problems.
      await eventually(async () => {
        const d = await api<{ problems: unknown[] }>(
          `/clearance/declarations/${draft.id}/problems`,
        );
        return d.problems.length === 0;
      });
      await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
      const released = await inState(draft.id, 'RELEASED');
      // Drafted again as the invoice and packing list arrived, then filed once.
      const states = released.history.map((h) => h.to);
      expect(new Set(states.slice(0, states.lastIndexOf('DECLARED')))).toEqual(new Set(['DRAFT']));
      // ENTERED may be skipped when the 120 is handled after the 800 (late, ignored).
      expect(states.slice(states.lastIndexOf('DECLARED')).join(',')).toMatch(
        /^DECLARED,(ENTERED,)?RELEASED$/,
      );
      const filed = filedFor(orderNo);
      expect(filed.order?.business.Order[0].OrderHead).toMatchObject({ orderType });
      expect(filed.list?.business.Inventory[0].InventoryHead).toMatchObject({ tradeMode: mode });
      expect((await settled(draft.id)).map((r) => r.state)).toEqual([
        'acknowledged',
        'acknowledged',
        'acknowledged',
      ]);
    },
  );

  it('takes a rejected list back to draft with the reason, and marks its message rejected', async () => {
    // `REJECTED` in the order number: the simulator answers 2, then 100 with a reason.
    await registerClient(api, CLIENT);
    const draft = await draftFor(CLIENT, 'SHP-REJECTED-7', order.buyer);
    await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
    const back = await eventually(async () => {
      const d = await api<DeclarationView & { reason: string | null }>(
        `/clearance/declarations/${draft.id}`,
      );
      // State and history are read one after the other: wait for both.
      return d.state === 'DRAFT' && d.history.some((h) => h.from === 'DECLARED') && d;
    }, 30000);
    expect(back.history.map((h) => h.to)).toEqual(['DRAFT', 'DECLARED', 'DRAFT']);
    expect(back.reason).toMatch(/商品编码与申报要素不符/);
    const states = Object.fromEntries(
      (await settled(draft.id)).map((r) => [r.messageType, r.state]),
    );
    expect(states.CEB603).toBe('rejected-by-partner');
    const { rows } = await gw.pool.query<{ reason: string }>(
      `SELECT s.reason FROM message_states s JOIN messages m ON m.id = s.message_id
        WHERE m.correlation_id = $1 AND m.message_type = 'CEB603' AND s.state = 'rejected-by-partner'`,
      [draft.id],
    );
    expect(rows[0].reason).toMatch(/^CEB603 100 /);
  });

  it('blocks the declaration of a client with neither registration nor agency, with the reason', async () => {
    const draft = await draftFor('c-unregistered', 'SHP-BLOCKED-1', order.buyer);
    const { problems } = await api<{ problems: Array<{ field: string; message: string }> }>(
      `/clearance/declarations/${draft.id}/problems`,
    );
    expect(problems).toContainEqual({
      field: 'consignor',
      message:
        'blocked: no foreign trade operator registration; no customs registration; no exporter-of-record agency',
    });
    const refused = await gw.request(`/clearance/declarations/${draft.id}/submit`, {
      method: 'POST',
      key: operator,
    });
    expect(refused.status).toBe(409);
  });

  it('holds a declaration whose buyer is a restricted party until an operator clears the alert', async () => {
    const draft = await draftFor(CLIENT, 'SHP-SCREEN-1', {
      name: 'Sergey Petrov',
      address: { country: 'RU' },
    });
    expect(
      (await api<{ hold: string }>(`/clearance/declarations/${draft.id}/problems`)).hold,
    ).toMatch(
      /^restricted party screening: BUYER Sergey Petrov matches Sergei Ivanovich PETROV \(SDN/,
    );
    const refused = await gw.request(`/clearance/declarations/${draft.id}/submit`, {
      method: 'POST',
      key: operator,
    });
    expect(refused.status).toBe(409);
    const alerts = await api<Array<{ id: string; kind: string; declarationId: string }>>(
      `/clearance/alerts?clientId=${CLIENT}`,
    );
    const hit = alerts.find((a) => a.kind === 'SCREENING_HIT' && a.declarationId === draft.id)!;
    await api(`/clearance/alerts/${hit.id}/clear`, { method: 'POST' });
    expect(
      (await api<{ hold: string | null }>(`/clearance/declarations/${draft.id}/problems`)).hold,
    ).toBeNull();
    const cleared = await api<Array<{ id: string; clearedBy: string | null }>>(
      `/clearance/alerts?clientId=${CLIENT}&open=false`,
    );
    expect(cleared.find((a) => a.id === hit.id)?.clearedBy).toBe('test-operator');
  });

  it('client keys see only their own declarations', async () => {
    await new PartnerRepository().upsertClient(gw.pool, {
      id: 'c-someone-else',
      name: 'other',
      identifiers: [],
    });
    const other = await gw.key('viewer', 'c-someone-else');
    const res = await gw.request(`/clearance/declarations?ref=${ORDER_NO}`, { key: other });
    expect(await res.json()).toEqual([]);
    await new PartnerRepository().upsertClient(gw.pool, {
      id: CLIENT,
      name: CLIENT,
      identifiers: [],
    });
    const own = await gw.key('viewer', CLIENT);
    const mine = await gw.request(`/clearance/declarations?ref=${ORDER_NO}`, { key: own });
    expect(((await mine.json()) as DeclarationView[]).map((d) => d.state)).toEqual(['RELEASED']);
  });

  it('raises an overdue alert for a declaration customs has not answered in time', async () => {
    const draft = await draftFor(CLIENT, 'SHP-SILENT-1', order.buyer);
    await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
    // Five hours on, past the default 4 h: the poller's check finds it still DECLARED.
    await gw.app.get(ReceiptsService).checkAlerts(new Date(Date.now() + 5 * 3600_000));
    const alerts = await api<
      Array<{ kind: string; declarationId: string; detail: { state: string } }>
    >(`/clearance/alerts?clientId=${CLIENT}`);
    expect(
      alerts.find((a) => a.kind === 'RECEIPT_OVERDUE' && a.declarationId === draft.id)?.detail
        .state,
    ).toBe('DECLARED');
  });

  it('answers origin and tariff questions', async () => {
    const origin = await api<{ eligible: boolean; rvcBuildDown: string }>('/clearance/origin', {
      method: 'POST',
      json: {
        agreement: 'RCEP',
        exportingCountry: 'CN',
        hsCode: '961700',
        fobValue: '100',
        materials: [{ description: 'steel', hsCode: '721934', originCountry: 'KR', value: '30' }],
      },
    });
    // Korea is an RCEP party: the steel is originating, VNM 0, build-down 100%.
    expect(origin).toMatchObject({ eligible: true, rvcBuildDown: '100.00' });
    const plan = await api<{ saving: { amount: string } }>('/clearance/tariff', {
      method: 'POST',
      json: {
        hsCode: '8516710000',
        origin: 'CN',
        destination: 'KR',
        customsValue: { amount: '1000.00', currency: 'USD' },
        qualifiesFor: ['RCEP'],
        date: '2026-03-15',
      },
    });
    // (8% - 6.4%) of 1 000.00
    expect(plan.saving.amount).toBe('16.00');
  });
});
