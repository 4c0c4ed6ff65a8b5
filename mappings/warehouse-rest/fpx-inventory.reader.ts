import type { WarehouseInventory } from '../../core/model/documents/warehouse.schema';
import type { JsonNode } from '../json-support/json-node';
import { optDate } from '../json-support/json-values';
import { STOCK_QUALITIES } from './warehouse-codes';

type Item = WarehouseInventory['items'][number];

/** The stock rows of a full answer, of its `data` page, or a bare list of rows. */
function stockRows(root: JsonNode): JsonNode[] {
  if (root.isArray()) return root.items();
  if (root.has('result') && root.str('result') !== '1') {
    root.fail(
      `the warehouse answered an error: ${root.optStr('msg') ?? ''}`,
      'result',
      'PARTNER_ERROR',
    );
  }
  const page = root.has('result') ? root.object('data') : root;
  return page.at('data').items();
}

/**
 * 4PX inventory query result (warehouse-api.md) -> one WarehouseInventory per warehouse,
 * one item per SKU and batch. Good stock is available / reserved / inbound; defective stock
 * counts as unfulfillable (its stock on the way still as inbound).
 */
export function readFpxInventory(
  root: JsonNode,
  provider: string,
  snapshotAt: string,
): WarehouseInventory[] {
  const byWarehouse = new Map<string, Map<string, Item>>();
  for (const row of stockRows(root)) {
    const warehouseCode = row.str('warehouse_code');
    const sku = row.str('sku_code');
    const batchNo = row.optStr('batch_no');
    const items = byWarehouse.get(warehouseCode) ?? new Map<string, Item>();
    byWarehouse.set(warehouseCode, items);
    const key = `${sku}\u0000${batchNo ?? ''}`;
    const item = items.get(key) ?? {
      sku,
      batchNo,
      available: 0,
      reserved: 0,
      inbound: 0,
      unfulfillable: 0,
    };
    items.set(key, item);
    addRow(row, item);
  }
  return [...byWarehouse].map(([warehouseCode, items]) => ({
    provider,
    warehouseCode,
    snapshotAt,
    items: [...items.values()],
  }));
}

function addRow(row: JsonNode, item: Item): void {
  const available = row.optCount('available_stock') ?? 0;
  const pending = row.optCount('pending_stock') ?? 0;
  item.inbound += row.optCount('onway_stock') ?? 0;
  if (row.code('stock_quality', STOCK_QUALITIES) === 'G') {
    item.available += available;
    item.reserved += pending;
  } else {
    item.unfulfillable += available + pending;
  }
  // Of several rows, the oldest stock and the nearest expiry are what matter.
  const age = row.optCount('inventory_age');
  if (age !== undefined) item.inventoryAgeDays = Math.max(age, item.inventoryAgeDays ?? 0);
  const expiry = optDate(row, 'expiry_date');
  if (expiry && (!item.expiryDate || expiry < item.expiryDate)) item.expiryDate = expiry;
}
