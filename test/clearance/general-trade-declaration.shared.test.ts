import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cnCustomsCodec } from '../../mappings/codecs/cn-customs/cn-customs.codec';
import type { CebMessage } from '../../mappings/codecs/cn-customs/ceb-types';
import { enqueueEnvelope } from '../../core/messaging/outbox';
import { inTransaction } from '../../core/storage/database';
import { eventually, type TestGateway } from '../support/gateway-harness';
import { received } from '../support/recording-handler';
import {
  billOfLadingFor,
  booking,
  envelopeFor,
  importInvoiceFor,
  importPackingListFor,
  invoiceFor,
  order,
  packingListFor,
  purchaseOrderFor,
  registerClient,
  startClearanceSuite,
  type ClearanceSuite,
} from './clearance-fixtures';

const CLIENT = 'c-ningbo-general-trade';
const envelopeOf = envelopeFor(CLIENT);

interface DeclarationView {
  id: string;
  state: string;
  reason: string | null;
  problems: unknown[];
  history: Array<{ from: string | null; to: string; note: string | null }>;
}

/**
 * General trade (0110): the export declaration file (DecMessage) filed through the customs
 * outbox, answered by the simulator's declaration receipts, followed to released.
 */
describe('general-trade (0110) declarations end to end: draft -> declaration file -> simulator receipts', () => {
  let suite: ClearanceSuite;
  let gw: TestGateway;

  beforeAll(async () => {
    suite = await startClearanceSuite();
    ({ gw } = suite);
    await registerClient((p, init) => suite.api(p, init), CLIENT);
  });
  afterAll(() => suite?.stop());

  const api = <T>(p: string, init?: Parameters<TestGateway['request']>[1]) => suite.api<T>(p, init);

  /** Publishes a 0110 order with its booking, invoice and packing list; the validated draft. */
  async function validatedDraft(orderNo: string): Promise<DeclarationView> {
    const refs = { orderNo: [orderNo] };
    await inTransaction(gw.pool, async (tx) => {
      const o = { ...order, orderNo, customsMode: '0110' as const };
      const b = { ...booking, bookingRequestRef: `BK-${orderNo}`, orderNos: [orderNo] };
      await enqueueEnvelope(tx, envelopeOf('commerce.order.created', 'SalesOrder', o, refs));
      await enqueueEnvelope(tx, envelopeOf('logistics.booking.requested', 'Booking', b, refs));
      await enqueueEnvelope(
        tx,
        envelopeOf('commerce.invoice.issued', 'CommercialInvoice', invoiceFor(orderNo), refs),
      );
      await enqueueEnvelope(
        tx,
        envelopeOf('commerce.packing-list.issued', 'PackingList', packingListFor(orderNo), refs),
      );
    });
    const [row] = await eventually(async () => {
      const rows = await api<DeclarationView[]>(`/clearance/declarations?ref=${orderNo}`);
      return rows.length > 0 && rows;
    });
    // Drafted again as the invoice and packing list arrive, then without problems.
    await eventually(async () => {
      const d = await api<{ problems: unknown[] }>(`/clearance/declarations/${row.id}/problems`);
      return d.problems.length === 0;
    });
    return row;
  }

  const view = (id: string) => api<DeclarationView>(`/clearance/declarations/${id}`);

  /**
   * Waits for the declaration to be released and checks that each state it went through is an
   * event on RabbitMQ and a document on the trade's timeline; returns the states. Forward only
   * from DECLARED: the 120 and 800 answers may be handled at once, and a 120 applied after
   * the 800 is late (kept unapplied).
   */
  async function releasedWithEvents(id: string, orderNo: string, direction: 'export' | 'import') {
    const released = await eventually(async () => {
      const d = await view(id);
      return d.state === 'RELEASED' && d;
    }, 30000);
    const states = released.history.map((h) => h.to);
    expect(states.slice(states.indexOf('DECLARED')).join()).toMatch(
      /^DECLARED,(ENTERED,)?RELEASED$/,
    );
    const prefix = `clearance.${direction}-declaration.`;
    const types = [...new Set(states)].map((state) => `${prefix}${state.toLowerCase()}`);
    const events = await eventually(async () => {
      const got = (await received(gw.pool)).filter(
        (r) => r.type.startsWith(prefix) && (r.refs.orderNo ?? []).includes(orderNo),
      );
      // Delivered in any order: wait for every state's event.
      return types.every((t) => got.some((e) => e.type === t)) && got;
    }, 30000);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(types));
    const trade = await api<{ timeline: Array<{ kind: string; eventType?: string }> }>(
      `/trades/${orderNo}`,
    );
    expect(trade.timeline.filter((t) => t.kind === 'document').map((t) => t.eventType)).toEqual(
      expect.arrayContaining(types),
    );
    return states;
  }

  /** The declaration files the simulator took for an order. */
  function filedDeclarations(orderNo: string): CebMessage[] {
    const done = path.join(suite.sim.outDir, 'done');
    return readdirSync(done)
      .flatMap((name) => {
        const body = readFileSync(path.join(done, name));
        return cnCustomsCodec.decode(body, cnCustomsCodec.detect(body)!).map((m) => m.tree);
      })
      .filter((m) => m.messageType === 'DEC' && JSON.stringify(m.business).includes(orderNo));
  }

  it('files a validated 0110 export declaration and follows its receipts to released, each state an event and on the timeline', async () => {
    const orderNo = 'SO-GT-0110-1';
    const draft = await validatedDraft(orderNo);
    await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
    const states = await releasedWithEvents(draft.id, orderNo, 'export');
    // Drafted (again as the invoice and packing list came) before it was declared.
    expect(new Set(states.slice(0, states.indexOf('DECLARED')))).toEqual(new Set(['DRAFT']));

    // One signed declaration file, the header and goods line of primer §1.1.
    const [file, ...more] = filedDeclarations(orderNo);
    expect(more).toEqual([]);
    expect(file.signature).toBeDefined();
    expect(file.business.DecHead[0]).toMatchObject({
      ieFlag: 'E',
      copNo: `DEC-${orderNo}`,
      supvModeCdde: '0110',
      cusTradeCountry: 'JPN',
      tradeCode: '330296000A',
    });
    expect(file.business.DecList).toEqual([
      expect.objectContaining({ gNo: '1', codeTs: '9617001100', tradeCurr: 'CNY' }),
    ]);

    // Stored before it left, followed to its final receipt (800).
    const outbound = await eventually(async () => {
      const { rows } = await gw.pool.query<{ messageType: string; state: string }>(
        `SELECT message_type AS "messageType", state FROM messages
          WHERE direction = 'out' AND correlation_id = $1`,
        [draft.id],
      );
      return rows.length === 1 && rows[0].state === 'acknowledged' && rows;
    }, 30000);
    expect(outbound).toEqual([{ messageType: 'DEC', state: 'acknowledged' }]);
    const { rows: tracked } = await gw.pool.query<{ final: boolean }>(
      `SELECT final FROM clearance_submissions WHERE guid = $1`,
      [file.guid],
    );
    expect(tracked).toEqual([{ final: true }]);

    const again = await gw.request(`/clearance/declarations/${draft.id}/submit`, {
      key: suite.operator,
      method: 'POST',
    });
    expect(again.status).toBe(409);
  });

  it('takes a rejected (100) declaration back to draft with the reason', async () => {
    // `REJECTED` in the order (and so the copNo): the simulator answers 2, then 100.
    const draft = await validatedDraft('SO-GT-REJECTED-1');
    await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
    const back = await eventually(async () => {
      const d = await view(draft.id);
      return d.state === 'DRAFT' && d.history.some((h) => h.from === 'DECLARED') && d;
    }, 30000);
    expect(back.history.slice(-2).map((h) => h.to)).toEqual(['DECLARED', 'DRAFT']);
    expect(back.reason).toMatch(/商品编码与申报要素不符/);
    const { rows } = await gw.pool.query<{ reason: string }>(
      `SELECT s.reason FROM message_states s JOIN messages m ON m.id = s.message_id
        WHERE m.correlation_id = $1 AND s.state = 'rejected-by-partner'`,
      [draft.id],
    );
    expect(rows[0].reason).toMatch(/^DEC 100 /);
  });

  it('drafts an import declaration from the purchase order, invoice, packing list and B/L, and follows it to released', async () => {
    const orderNo = 'PO-GT-IMPORT-1';
    const refs = { orderNo: [orderNo] };
    await inTransaction(gw.pool, async (tx) => {
      const docs = [
        ['commerce.purchase-order.received', 'PurchaseOrder', purchaseOrderFor(orderNo)],
        ['commerce.invoice.issued', 'CommercialInvoice', importInvoiceFor(orderNo)],
        ['commerce.packing-list.issued', 'PackingList', importPackingListFor(orderNo)],
        ['logistics.bill-of-lading.issued', 'BillOfLading', billOfLadingFor(orderNo)],
      ] as const;
      for (const [type, documentType, payload] of docs)
        await enqueueEnvelope(tx, envelopeOf(type, documentType, payload, refs));
    });
    const [draft] = await eventually(async () => {
      const rows = await api<DeclarationView[]>(`/clearance/declarations?ref=${orderNo}`);
      return rows.length > 0 && rows;
    });
    await eventually(async () => {
      const d = await api<{ problems: unknown[] }>(`/clearance/declarations/${draft.id}/problems`);
      return d.problems.length === 0;
    });
    await api(`/clearance/declarations/${draft.id}/submit`, { method: 'POST' });
    await releasedWithEvents(draft.id, orderNo, 'import');

    const [file] = filedDeclarations(orderNo);
    expect(file.business.DecHead[0]).toMatchObject({
      ieFlag: 'I',
      supvModeCdde: '0110',
      cusTradeCountry: 'JPN',
      despPortCode: 'JPN000',
      transMode: '1',
      tradeCode: '330296000A',
      grossWt: '46',
      netWt: '40',
    });
    expect(file.business.DecList[0]).toMatchObject({
      codeTs: '9617001100',
      declTotal: '450.00',
      tradeCurr: 'USD',
      originCountry: 'JPN',
      destinationCountry: 'CHN',
    });
  });
});
