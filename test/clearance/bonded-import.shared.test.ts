import { enqueueEnvelope } from '../../core/messaging/outbox';
import { inTransaction } from '../../core/storage/database';
import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import { eventually } from '../support/gateway-harness';
import { received } from '../support/recording-handler';
import { genericPartner } from '../support/fixtures';
import { PartnerRepository } from '../../core/storage/partner.repository';
import {
  envelopeFor,
  order as exportOrder,
  registerClient,
  seller,
  startClearanceSuite,
  type ClearanceSuite,
} from './clearance-fixtures';

// A client selling Japanese mugs from its Ningbo bonded-zone stock (1210): each consumer
// order is cleared by its CEB311 order and CEB621 list.
const CLIENT = 'c-bonded-mugs';
const envelopeOf = envelopeFor(CLIENT);
const ID_NUMBER = '11010519491231002X';
const SHOP = 'bonded-webshop';

const importOrder = (orderNo: string, identity?: SalesOrder['buyer']['identity']): SalesOrder => ({
  ...exportOrder,
  orderNo,
  // What a bonded shop's mapping settings (fulfilment: bonded) give every order.
  customsMode: '1210',
  buyer: {
    name: '张小明',
    address: { country: 'CN' },
    identifiers: [{ scheme: 'SHOP', value: 'buyer-88231', platform: 'shopee' }],
    ...(identity ? { identity } : {}),
  },
  shipTo: { lines: ['鄞州区示例路1号'], city: '宁波市', region: '浙江省', country: 'CN' },
  terms: undefined,
  lines: exportOrder.lines.map((l) => ({ ...l, originCountry: 'JP' })),
});

const identity = {
  idType: '1' as const,
  idNumber: ID_NUMBER,
  name: '张小明',
  telephone: '13812345678',
};

interface DeclarationView {
  id: string;
  state: string;
  problems: Array<{ field: string; message: string }>;
  history: Array<{ from: string | null; to: string; note: string | null }>;
  documents: Record<string, unknown>;
}

describe('1210 bonded import end to end: order -> CEB311 + CEB621 -> simulator receipts -> released', () => {
  let suite: ClearanceSuite;

  beforeAll(async () => {
    suite = await startClearanceSuite();
    await new PartnerRepository().upsertClient(suite.gw.pool, {
      id: CLIENT,
      name: CLIENT,
      identifiers: [],
    });
    await suite.gw.partners.upsert(genericPartner(SHOP, { clientId: CLIENT }));
    const api = suite.api.bind(suite);
    await registerClient(api, CLIENT, {
      bondedImport: {
        areaCode: '3302460001',
        areaName: '宁波保税区示例仓',
        emsNo: 'T3105W000001',
        assureCode: '330296000A',
        carrier: { code: '3302980001', name: '宁波示例国际物流有限公司' },
      },
    });
  });
  afterAll(() => suite?.stop());

  /** A webshop's order JSON for the bonded shop, posted to its HTTP intake as partners do. */
  const postOrder = async (orderNo: string, withIdentity = true) => {
    const res = await suite.gw.request(`/inbound/${SHOP}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        orderNo,
        orderDate: '2026-03-15T09:00:00+08:00',
        currency: 'CNY',
        channel: 'WEBSHOP',
        seller: { name: seller.name, uscc: '91350100M000100Y43', customsCode: '330296000A' },
        buyer: {
          name: '张小明',
          country: 'CN',
          address: ['鄞州区示例路1号'],
          city: '宁波市',
          ...(withIdentity ? { identity } : {}),
        },
        customsMode: '1210',
        lines: [
          {
            sku: 'MUG-350',
            description: '不锈钢保温杯',
            quantity: '2',
            unitPrice: '45.00',
            originCountry: 'JP',
          },
        ],
      }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { messageId: string }).messageId;
  };

  const publishOrder = (o: SalesOrder) =>
    inTransaction(suite.gw.pool, (tx) =>
      enqueueEnvelope(
        tx,
        envelopeOf('commerce.order.created', 'SalesOrder', o, { orderNo: [o.orderNo] }),
      ),
    );

  const declarationOf = async (orderNo: string) => {
    const [row] = await eventually(async () => {
      const rows = await suite.api<DeclarationView[]>(`/clearance/declarations?ref=${orderNo}`);
      return rows.length > 0 && rows;
    });
    return row;
  };

  it('files the order and list once, follows their receipts to released and publishes each state', async () => {
    const o = importOrder('SI-2603150001', identity);
    const inbound = await postOrder(o.orderNo);
    const { id } = await declarationOf(o.orderNo);
    const released = await eventually(async () => {
      const d = await suite.api<DeclarationView>(`/clearance/declarations/${id}`);
      return d.state === 'RELEASED' && d;
    }, 30000);
    // The 120 and 800 receipts may be handled in one go: a late 120 is ignored, so ENTERED may
    // be skipped (states never regress).
    expect(released.history.map((h) => h.to).join(',')).toMatch(
      /^DRAFT,DECLARED,(ENTERED,)?RELEASED$/,
    );
    expect(released.history[1].note).toMatch(/^sent CEB311 .*, CEB621 /);

    // Both files were taken by the simulator (XSD-checked) and answered to their final receipt.
    const outbound = await eventually(async () => {
      const { rows } = await suite.gw.pool.query<{ messageType: string; state: string }>(
        `SELECT message_type AS "messageType", state FROM messages
          WHERE direction = 'out' AND correlation_id = $1 ORDER BY message_type`,
        [id],
      );
      return rows.length === 2 && rows.every((r) => r.state === 'acknowledged') && rows;
    }, 30000);
    expect(outbound.map((r) => r.messageType)).toEqual(['CEB311', 'CEB621']);

    // Redelivered, the order files nothing more.
    await publishOrder(o);
    // One event per state the declaration went through.
    const types = released.history.map((h) => `clearance.import-declaration.${h.to.toLowerCase()}`);
    const events = await eventually(async () => {
      const got = (await received(suite.gw.pool)).filter((r) =>
        r.type.startsWith('clearance.import-declaration.'),
      );
      return got.length >= types.length && got;
    }, 30000);
    // Each state once; the draft and its filing share a transaction, so RabbitMQ may hand the
    // two over in either order (handlers take envelopes out of order by contract).
    expect(events.map((e) => e.type).sort()).toEqual([...types].sort());
    const { rows: filed } = await suite.gw.pool.query(
      `SELECT 1 FROM messages WHERE direction = 'out' AND correlation_id = $1`,
      [id],
    );
    expect(filed).toHaveLength(2);

    // The trade's timeline shows each state; no answer shows the buyer's ID number in clear.
    const trade = await suite.api<{ timeline: Array<{ kind: string; eventType?: string }> }>(
      `/trades/${o.orderNo}`,
    );
    expect(trade.timeline.filter((t) => t.kind === 'document').map((t) => t.eventType)).toEqual(
      expect.arrayContaining(types),
    );
    expect(JSON.stringify(trade)).not.toContain(ID_NUMBER);
    const one = await suite.api<DeclarationView>(`/clearance/declarations/${id}`);
    expect(JSON.stringify(one)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(one.documents)).toContain('1101**********002X');
    const { rows: ceb621 } = await suite.gw.pool.query<{ id: string }>(
      `SELECT id FROM messages WHERE correlation_id = $1 AND message_type = 'CEB621'`,
      [id],
    );
    const message = await suite.api<{ raw: { text: string; base64: string } }>(
      `/messages/${ceb621[0].id}`,
    );
    // The DXP file keeps the CEB base64-encoded: the filing has the identity, the answer not.
    const cebOf = (dxp: string) =>
      Buffer.from(/<Data>([^<]+)<\/Data>/.exec(dxp)![1], 'base64').toString('utf8');
    expect(cebOf(message.raw.text)).toContain('<ceb:buyerIdNumber>1101**********002X<');
    const { rows: stored } = await suite.gw.pool.query<{ raw: Buffer }>(
      `SELECT raw FROM message_payloads WHERE message_id = $1`,
      [ceb621[0].id],
    );
    expect(cebOf(stored[0].raw.toString())).toContain(`<ceb:buyerIdNumber>${ID_NUMBER}<`);
    // The order as the webshop sent it is shown masked too.
    const posted = await suite.api<{ raw: { text: string } }>(`/messages/${inbound}`);
    expect(JSON.stringify(posted)).not.toContain(ID_NUMBER);
    expect(posted.raw.text).toContain('1101**********002X');
  });

  it('withdraws an entered, unreleased list with one CEB623 when the order is cancelled', async () => {
    // The simulator enters the list and says no more (scenario named in the order number).
    const o = importOrder('SI-entered-0003', identity);
    await publishOrder(o);
    const { id } = await declarationOf(o.orderNo);
    const inState = (state: string) =>
      eventually(async () => {
        const d = await suite.api<DeclarationView & { inventoryNo: string | null }>(
          `/clearance/declarations/${id}`,
        );
        return d.state === state && d;
      }, 30000);
    const entered = await inState('ENTERED');
    expect(entered.inventoryNo).toMatch(/^\d{4}\d{4}I\d{9}$/);
    const cancelled = { ...o, status: 'CANCELLED' as const };
    for (let i = 0; i < 2; i++)
      await inTransaction(suite.gw.pool, (tx) =>
        enqueueEnvelope(
          tx,
          envelopeOf('commerce.order.cancelled', 'SalesOrder', cancelled, {
            orderNo: [o.orderNo],
          }),
        ),
      );
    const done = await inState('CANCELLED');
    expect(done.history.map((h) => h.to)).toEqual([
      'DRAFT',
      'DECLARED',
      'ENTERED',
      'CANCELLING',
      'CANCELLING',
      'CANCELLED',
    ]);
    expect(done.history[4].note).toMatch(/^sent CEB623 /);
    const { rows } = await suite.gw.pool.query<{ messageType: string }>(
      `SELECT message_type AS "messageType" FROM messages
        WHERE direction = 'out' AND client_id = $1 AND message_type = 'CEB623'`,
      [CLIENT],
    );
    expect(rows).toHaveLength(1);
    const events = await eventually(async () => {
      const got = (await received(suite.gw.pool)).filter((r) =>
        r.type.startsWith('clearance.import-declaration.cancel'),
      );
      return got.length >= 2 && got;
    }, 30000);
    expect(events.map((e) => e.type)).toEqual([
      'clearance.import-declaration.cancelling',
      'clearance.import-declaration.cancelled',
    ]);
  });

  it('blocks an order without the buyer identity, with the reason by field, and files nothing', async () => {
    const o = importOrder('SI-2603150002');
    await postOrder(o.orderNo, false);
    const { id } = await declarationOf(o.orderNo);
    const problems = await suite.api<{ state: string; problems: DeclarationView['problems'] }>(
      `/clearance/declarations/${id}/problems`,
    );
    expect(problems.state).toBe('DRAFT');
    expect(problems.problems.map((p) => p.field)).toEqual([
      'buyer.identity.idType',
      'buyer.identity.idNumber',
      'buyer.identity.name',
      'buyer.identity.telephone',
    ]);
    const submit = await suite.gw.request(`/clearance/declarations/${id}/submit`, {
      key: suite.operator,
      method: 'POST',
    });
    expect(submit.status).toBe(409);
    const { rows } = await suite.gw.pool.query(
      `SELECT 1 FROM messages WHERE direction = 'out' AND correlation_id = $1`,
      [id],
    );
    expect(rows).toEqual([]);
  });
});
