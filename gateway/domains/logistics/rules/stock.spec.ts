import * as warehouse from '../../../../core/model/documents/__fixtures__/warehouse.fixture';
import type {
  FulfillmentEvent,
  WarehouseInbound,
  WarehouseInventory,
} from '../../../../core/model/documents/warehouse.schema';
import {
  fulfillmentDeltas,
  inboundReceipts,
  lowStockCrossing,
  receiptDelta,
  snapshotLines,
  stockLevel,
  type StockDelta,
} from './stock';

const inventory: WarehouseInventory = {
  provider: '4px',
  warehouseCode: 'USLAXA',
  snapshotAt: '2026-04-10T00:00:00Z',
  items: [
    { sku: 'KET', batchNo: 'B1', available: 40, reserved: 2, inbound: 10, unfulfillable: 0 },
    { sku: 'KET', batchNo: 'B2', available: 8, reserved: 0, inbound: 0, unfulfillable: 1 },
    { sku: 'TEA', available: 0, reserved: 0, inbound: 216, unfulfillable: 0 },
  ],
};

const shipped = (status: FulfillmentEvent['status'], occurredAt: string): FulfillmentEvent => ({
  fulfillmentNo: 'FO-1',
  provider: '4px',
  warehouseCode: 'USLAXA',
  status,
  rawStatus: { code: 'C' },
  occurredAt,
  shippedLines: [
    { sku: 'KET', quantity: 1 },
    { sku: 'KET', quantity: 1 },
    { sku: 'TEA', quantity: 2 },
  ],
});

const delta = (occurredAt: string, available: number): StockDelta => ({
  key: `k-${occurredAt}`,
  sku: 'KET',
  occurredAt,
  available,
  unfulfillable: 0,
});

describe('warehouse stock', () => {
  it('adds up batches of one SKU in a snapshot', () => {
    expect(snapshotLines(inventory).get('KET')).toEqual({
      available: 48,
      reserved: 2,
      inbound: 10,
      unfulfillable: 1,
    });
  });

  it('counts only movements after the snapshot (earlier ones are inside it)', () => {
    const snapshot = { ...snapshotLines(inventory).get('KET')!, snapshotAt: inventory.snapshotAt };
    const deltas = [
      delta('2026-04-09T23:00:00Z', -5),
      delta('2026-04-10T02:00:00+01:00', -3),
      delta('2026-04-11T00:00:00Z', 12),
    ];
    // 02:00+01:00 is 01:00Z, after the snapshot.
    expect(stockLevel(snapshot, deltas).available).toBe(48 - 3 + 12);
    expect(stockLevel(undefined, deltas).available).toBe(-5 - 3 + 12);
  });

  it('takes a shipped order out once per SKU, whatever statuses follow', () => {
    const out = fulfillmentDeltas(shipped('SHIPPED', '2026-04-12T00:00:00Z'));
    expect(out.map((d) => [d.key, d.available])).toEqual([
      ['fulfillment:FO-1:KET', -2],
      ['fulfillment:FO-1:TEA', -2],
    ]);
    const delivered = fulfillmentDeltas(shipped('DELIVERED', '2026-04-15T00:00:00Z'));
    expect(delivered.map((d) => d.key)).toEqual(out.map((d) => d.key));
    expect(fulfillmentDeltas(shipped('PICKING', '2026-04-11T00:00:00Z'))).toEqual([]);
  });

  it('adds received goods once put away, and only what grew since the last report', () => {
    const inbound: WarehouseInbound = { ...warehouse.warehouseInbound, status: 'RECEIVING' };
    expect(inboundReceipts(inbound).size).toBe(0);
    const lines = [
      { sku: 'KET', expectedQty: 24, receivedQty: 22, damagedQty: 2 },
      { sku: 'KET', expectedQty: 24, receivedQty: 24 },
    ];
    const done = inboundReceipts({ ...inbound, status: 'PUTAWAY_DONE', lines });
    expect(done.get('KET')).toEqual({ received: 46, damaged: 2 });
    const at = '2026-04-10T08:00:00Z';
    expect(receiptDelta('ASN-1', 'KET', at, undefined, { received: 46, damaged: 2 })).toEqual({
      key: 'receipt:ASN-1:KET:46:2',
      sku: 'KET',
      occurredAt: at,
      available: 46,
      unfulfillable: 2,
    });
    const more = receiptDelta(
      'ASN-1',
      'KET',
      at,
      { received: 40, damaged: 2 },
      { received: 46, damaged: 2 },
    );
    expect(more).toMatchObject({ available: 6, unfulfillable: 0 });
    expect(
      receiptDelta('ASN-1', 'KET', at, { received: 46, damaged: 2 }, { received: 46, damaged: 2 }),
    ).toBeUndefined();
  });

  it('alerts once when stock crosses to the threshold, and re-arms above it', () => {
    let low = false;
    const alerts: number[] = [];
    for (const available of [30, 12, 10, 8, 3, 15, 9]) {
      const step = lowStockCrossing(low, available, 10);
      if (step.alert) alerts.push(available);
      low = step.low;
    }
    expect(alerts).toEqual([10, 9]);
    expect(lowStockCrossing(false, 0, undefined)).toEqual({ low: false, alert: false });
  });
});
