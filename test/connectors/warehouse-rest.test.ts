import { createHash } from 'node:crypto';
import nock from 'nock';
import { WarehouseInventoryPoller } from '../../connectors/warehouse-rest';
import { signedQuery } from '../../connectors/transports/http';
import { MessageIntake } from '../../core/ingest/message-intake';
import { MESSAGE_INTAKE } from '../../gateway/partners/partners.tokens';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { received, startRecordingGateway } from '../support/recording-handler';
import {
  PgPollState,
  fulfillmentOrder,
  historyOf,
  inboundAsn,
  messagesOf,
  pollContext,
  sendThroughComposer,
  settledStates,
  useNockForPartners,
} from './http-connector-support';

const HOST = 'https://open.euro-wh.example';
const ENDPOINT = '/router/api/service';
const APP_KEY = 'ak-euro-wh-01';
const APP_SECRET = 'sk-euro-wh-test-secret';
const settings = { dialect: '4px', provider: 'euro-fulfil' };
const sign = { type: 'signed-query', appKey: APP_KEY, appSecret: APP_SECRET };

// The documented recipe, written out independently of the connector's code.
function expectedSign(query: Record<string, string>, body: string): string {
  const text = Object.keys(query)
    .filter((k) => k !== 'sign')
    .sort()
    .map((k) => `${k}${query[k]}`)
    .join('');
  return createHash('md5').update(`${text}${body}${APP_SECRET}`, 'utf8').digest('hex');
}

describe('4PX-style overseas warehouse', () => {
  let gw: TestGateway;
  useNockForPartners();

  beforeAll(async () => {
    gw = await startRecordingGateway();
    await gw.partners.upsert({
      id: 'euro-wh',
      name: 'Euro warehouse (test)',
      kind: 'warehouse',
      connector: 'warehouse-rest',
      formats: [
        {
          format: 'json',
          messageType: 'warehouse.inbound',
          mapping: 'warehouse-rest-inbound',
          settings,
        },
        {
          format: 'json',
          messageType: 'warehouse.fulfillment-event',
          mapping: 'warehouse-rest-fulfillment-event',
          settings,
        },
        {
          format: 'json',
          messageType: 'warehouse.inventory',
          mapping: 'warehouse-rest-inventory',
          settings,
        },
        {
          format: 'json',
          messageType: 'warehouse.inbound.create',
          mapping: 'warehouse-rest-inbound-create',
          direction: 'out',
        },
        {
          format: 'json',
          messageType: 'warehouse.outbound.create',
          mapping: 'warehouse-rest-outbound-create',
          direction: 'out',
        },
      ],
      transports: [
        { kind: 'http-inbound', direction: 'in', appKey: APP_KEY, appSecret: APP_SECRET },
        {
          kind: 'warehouse-inventory-poll',
          direction: 'in',
          baseUrl: `${HOST}${ENDPOINT}`,
          auth: sign,
          warehouseCodes: ['DEFRAA'],
          pageSize: 2,
        },
        { kind: 'warehouse-rest', direction: 'out', baseUrl: `${HOST}${ENDPOINT}`, auth: sign },
      ],
    });
  });
  afterAll(() => stopTestGateway(gw));

  const push = (event: Record<string, unknown>, at = Date.now(), secret = APP_SECRET) => {
    const body = JSON.stringify(event);
    const auth = {
      type: 'signed-query' as const,
      appKey: APP_KEY,
      appSecret: secret,
      algorithm: 'md5' as const,
      format: 'json',
      version: '1.0',
    };
    const query = new URLSearchParams(signedQuery('fu.wms.push', body, auth, at));
    return gw.request(`/inbound/euro-wh?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
  };
  const envelopes = async (type: string) =>
    (await received(gw.pool)).filter(
      (r) => r.type === type && r.body.source.partnerId === 'euro-wh',
    );

  const receipt = {
    event_type: 'inbound.status',
    event_id: 'evt-in-0001',
    push_time: 1782900000000,
    data: {
      consignment_no: 'IC7001200000000001',
      ref_no: 'ASN-EW-0001',
      to_warehouse_code: 'DEFRAA',
      status: 'C',
      status_time: 1782900000000,
      transport_type: 'SEA',
      container_no: 'MSKU7265310',
      box_count: 41,
      skus: [
        {
          sku_code: 'LAMP-LED-01',
          box_no: '1-41',
          plan_qty: 820,
          received_qty: 818,
          damaged_qty: 2,
        },
      ],
    },
  };
  const shipment = {
    event_type: 'outbound.status',
    event_id: 'evt-out-0001',
    push_time: 1782990000000,
    data: {
      consignment_no: 'OC7001200000000009',
      ref_no: 'FO-EW-0001',
      sales_no: 'OTTO-5521-0093',
      from_warehouse_code: 'DEFRAA',
      status: 'C',
      status_time: 1782990000000,
      carrier_code: 'DHL',
      logistics_product_code: 'DHL-PAKET',
      shipping_no: '00340434161234567890',
      packages: [
        {
          package_no: 'P1',
          tracking_no: '00340434161234567890',
          skus: [{ sku_code: 'LAMP-LED-01', qty: 1 }],
        },
      ],
    },
  };

  it('takes signed receipt and shipment pushes to canonical envelopes; resends are duplicates', async () => {
    expect((await push(receipt)).status).toBe(202);
    expect((await push(shipment)).status).toBe(202);
    const [inbound] = await eventually(async () => {
      const r = await envelopes('warehouse.inbound.updated');
      return r.length > 0 && r;
    });
    expect(inbound.body.documentType).toBe('WarehouseInbound');
    expect(inbound.body.payload).toMatchObject({
      asnNo: 'ASN-EW-0001',
      warehouseCode: 'DEFRAA',
      status: 'PARTIAL',
    });
    const [event] = await eventually(async () => {
      const r = await envelopes('warehouse.fulfillment.status');
      return r.length > 0 && r;
    });
    expect(event.body.documentType).toBe('FulfillmentEvent');
    expect(event.body.payload).toMatchObject({ fulfillmentNo: 'FO-EW-0001', status: 'SHIPPED' });
    // The warehouse pushes the same event again, signed anew: recognised by its event_id.
    const again = await push({ ...receipt, push_time: 1782900005000 });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
  });

  it('refuses a wrong sign and a stale timestamp with 401, storing nothing', async () => {
    const before = (await messagesOf(gw.pool, 'euro-wh')).length;
    const other = { ...receipt, event_id: 'evt-in-0002' };
    expect((await push(other, Date.now(), 'not-the-app-secret')).status).toBe(401);
    expect((await push(other, Date.now() - 10 * 60_000)).status).toBe(401);
    expect(await messagesOf(gw.pool, 'euro-wh')).toHaveLength(before);
  });

  it('creates the ASN and the outbound order with exactly signed calls', async () => {
    const calls: Array<{ query: Record<string, string>; body: string }> = [];
    const scope = nock(HOST)
      .post(ENDPOINT, (b) => Boolean(b))
      .query(true)
      .times(2)
      .reply(function (uri, body) {
        const query = Object.fromEntries(new URL(uri, HOST).searchParams) as Record<string, string>;
        calls.push({ query, body: typeof body === 'string' ? body : JSON.stringify(body) });
        const no =
          query.method === 'fu.wms.inbound.create' ? 'IC7001200000000042' : 'OC7001200000000077';
        return [200, { result: '1', msg: 'success', data: { consignment_no: no } }];
      });
    const sent = await sendThroughComposer(gw, [
      {
        partnerId: 'euro-wh',
        documentType: 'WarehouseInbound',
        payload: inboundAsn('ASN-EW-0042'),
      },
      {
        partnerId: 'euro-wh',
        documentType: 'FulfillmentOrder',
        payload: fulfillmentOrder('FO-EW-0077'),
      },
    ]);
    expect(await settledStates(gw, sent)).toEqual(['sent', 'sent']);
    scope.done();
    expect(calls.map((c) => c.query.method).sort()).toEqual([
      'fu.wms.inbound.create',
      'fu.wms.outbound.create',
    ]);
    const stored = await messagesOf(gw.pool, 'euro-wh');
    for (const call of calls) {
      expect(call.query).toMatchObject({ app_key: APP_KEY, format: 'json', v: '1.0' });
      expect(call.query.sign).toBe(expectedSign(call.query, call.body));
      expect(stored.some((m) => m.direction === 'out' && m.raw === call.body)).toBe(true);
    }
    const asn = calls.find((c) => c.query.method === 'fu.wms.inbound.create')!;
    expect(JSON.parse(asn.body)).toMatchObject({
      ref_no: 'ASN-EW-0042',
      to_warehouse_code: 'DEFRAA',
    });
    const history = await historyOf(gw.pool, sent[0]);
    expect(history.at(-1)?.detail).toMatchObject({
      method: 'fu.wms.inbound.create',
      consignmentNo: 'IC7001200000000042',
    });
  });

  it('polls the stock page by page into WarehouseInventory; an unchanged answer is not stored again', async () => {
    const row = (sku: string, available: number) => ({
      warehouse_code: 'DEFRAA',
      sku_id: sku,
      sku_code: sku,
      stock_quality: 'G',
      available_stock: available,
      pending_stock: 0,
      onway_stock: 0,
    });
    const page = (no: number, rows: unknown[]) => ({
      result: '1',
      msg: 'success',
      data: { total: 3, page_no: no, page_size: 2, data: rows },
    });
    const pages: Record<number, unknown> = {
      1: page(1, [row('LAMP-LED-01', 818), row('LAMP-LED-02', 40)]),
      2: page(2, [row('CABLE-USB-C', 1200)]),
    };
    const scope = nock(HOST)
      .post(ENDPOINT)
      .query((q) => q.method === 'fu.wms.inventory.get' && q.app_key === APP_KEY)
      .times(4)
      .reply((_uri, body) => [200, pages[(body as { page_no: number }).page_no]]);
    const p = gw.partners.get('euro-wh');
    const poll = p.transports.find((t) => t.kind === 'warehouse-inventory-poll')!;
    const ctx = pollContext(
      gw.app.get<MessageIntake>(MESSAGE_INTAKE),
      await new PgPollState(gw.pool).init(),
    );
    expect(await new WarehouseInventoryPoller().poll(p, poll, ctx)).toEqual({
      received: 2,
      deferred: 0,
    });
    expect(await new WarehouseInventoryPoller().poll(p, poll, ctx)).toEqual({
      received: 0,
      deferred: 0,
    });
    scope.done();
    const snapshots = await eventually(async () => {
      const r = await envelopes('warehouse.inventory.snapshot');
      return r.length === 2 && r;
    });
    expect(snapshots.map((s) => s.body.documentType)).toEqual([
      'WarehouseInventory',
      'WarehouseInventory',
    ]);
    const skus = snapshots.flatMap((s) =>
      (s.body.payload as { items: Array<{ sku: string }> }).items.map((i) => i.sku),
    );
    expect(skus.sort()).toEqual(['CABLE-USB-C', 'LAMP-LED-01', 'LAMP-LED-02']);
  });
});
