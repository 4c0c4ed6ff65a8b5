import { PartnerRepository } from '../../core/storage/partner.repository';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { received, startRecordingGateway } from '../support/recording-handler';
import { fpxInbound, fpxInventory, fpxShipped, warehousePartner } from './logistics-fixtures';
import { untilIdle } from '../support/idle';

const KETTLE = 'KET-1.7L-WH';

interface StockItem {
  provider: string;
  warehouseCode: string;
  sku: string;
  available: number;
  unfulfillable: number;
  threshold: number | null;
  low: boolean;
}

describe('overseas warehouse stock and low-stock alerts', () => {
  let gw: TestGateway;
  let nbhs: string;

  beforeAll(async () => {
    gw = await startRecordingGateway();
    const clients = new PartnerRepository();
    for (const id of ['nbhs', 'szyt'])
      await clients.upsertClient(gw.pool, { id, name: id, identifiers: [] });
    await gw.partners.upsert(
      warehousePartner('wh-stock', 'warehouse.inventory', 'warehouse-rest-inventory', 'nbhs'),
    );
    await gw.partners.upsert(
      warehousePartner(
        'wh-outbound',
        'warehouse.fulfillment-event',
        'warehouse-rest-fulfillment-event',
        'nbhs',
      ),
    );
    await gw.partners.upsert(
      warehousePartner('wh-inbound', 'warehouse.inbound', 'warehouse-rest-inbound', 'nbhs'),
    );
    nbhs = await gw.key('viewer', 'nbhs');
  });
  afterAll(() => stopTestGateway(gw));

  const post = async (partner: string, body: unknown) => {
    const response = await gw.request(`/inbound/${partner}`, { method: 'POST', json: body });
    expect(response.status).toBe(202);
  };
  const kettle = async (key = nbhs) => {
    const response = await gw.request(`/logistics/stock?warehouse=USLAXA&sku=${KETTLE}`, { key });
    return ((await response.json()) as { items: StockItem[] }).items;
  };
  const availableBecomes = (n: number) =>
    eventually(async () => (await kettle())[0]?.available === n);
  const alerts = async () =>
    (await received(gw.pool)).filter((r) => r.type === 'warehouse.stock.low').map((r) => r.body);
  const handled = async () =>
    Number(
      (
        await gw.pool.query(
          `SELECT count(*) FROM processed_envelopes WHERE consumer = 'logistics-warehouse'`,
        )
      ).rows[0].count,
    );
  const ship = (eventId: string, orderNo: string, qty: number) =>
    post(
      'wh-outbound',
      fpxShipped({ eventId, orderNo, warehouse: 'USLAXA', at: Date.now(), skus: [[KETTLE, qty]] }),
    );

  it('sets a threshold per SKU for the client’s own stock only', async () => {
    const put = (key: string, body: unknown) =>
      gw.request('/logistics/stock-thresholds', { method: 'PUT', key, json: body });
    expect((await put(await gw.key('viewer'), { sku: KETTLE, threshold: 100 })).status).toBe(403);
    expect((await put(nbhs, { sku: KETTLE, threshold: 100, clientId: 'szyt' })).status).toBe(403);
    expect((await put(nbhs, { sku: KETTLE, threshold: -1 })).status).toBe(400);
    const ok = await put(nbhs, { sku: KETTLE, threshold: 100 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      sku: KETTLE,
      threshold: 100,
      clientId: 'nbhs',
      warehouseCode: '*',
    });
  });

  it('takes a snapshot, then moves stock with shipments and alerts once when it falls to the threshold', async () => {
    await post('wh-stock', fpxInventory('USLAXA', [{ sku: KETTLE, available: 120, damaged: 6 }]));
    await availableBecomes(120);
    expect((await kettle())[0]).toMatchObject({
      provider: '4px',
      unfulfillable: 6,
      threshold: 100,
      low: false,
    });
    await ship('evt-1', 'FO-1', 15);
    await availableBecomes(105);
    await ship('evt-2', 'FO-2', 10);
    await availableBecomes(95);
    // The same shipment pushed again under another event id: one business event.
    const before = await handled();
    await ship('evt-2-resent', 'FO-2', 10);
    await eventually(async () => (await handled()) > before);
    await ship('evt-3', 'FO-3', 3);
    await availableBecomes(92);
    const sent = await eventually(async () => {
      const all = await alerts();
      return all.length > 0 && all;
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      documentType: 'StockAlert',
      version: '1',
      clientId: 'nbhs',
      payload: {
        provider: '4px',
        warehouseCode: 'USLAXA',
        sku: KETTLE,
        available: 95,
        threshold: 100,
        cause: 'FulfillmentEvent',
      },
    });
    expect((await kettle())[0].low).toBe(true);
  });

  it('re-arms above the threshold after a receipt and alerts on the next crossing', async () => {
    await post(
      'wh-inbound',
      fpxInbound({
        eventId: 'in-1',
        asnNo: 'ASN-7',
        warehouse: 'USLAXA',
        status: 'C',
        at: Date.now(),
        skus: [[KETTLE, 30]],
      }),
    );
    await availableBecomes(122);
    expect((await kettle())[0].low).toBe(false);
    await ship('evt-4', 'FO-4', 30);
    await availableBecomes(92);
    await eventually(async () => (await alerts()).length === 2);
    expect((await alerts()).map((a) => (a.payload as { available: number }).available)).toEqual([
      95, 92,
    ]);
  });

  it('lets a newer snapshot replace the stock, movements before it being inside it', async () => {
    await post('wh-stock', fpxInventory('USLAXA', [{ sku: KETTLE, available: 50 }]));
    await availableBecomes(50);
    expect((await kettle())[0]).toMatchObject({ unfulfillable: 0, low: true });
    // Still low: no new alert.
    await untilIdle(gw);
    expect(await alerts()).toHaveLength(2);
  });

  it('shows stock to its client and operators, not to other clients', async () => {
    expect(await kettle(await gw.key('viewer', 'szyt'))).toEqual([]);
    expect(await kettle(gw.adminKey)).toHaveLength(1);
  });
});
