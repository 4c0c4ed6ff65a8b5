import type {
  FulfillmentEvent,
  WarehouseInbound,
  WarehouseInventory,
} from '../../../../core/model/documents/warehouse.schema';

/**
 * Overseas-warehouse stock per SKU and warehouse: the newest snapshot the warehouse reported,
 * plus the movements TradeHub saw after it (shipments out, receipts in). A movement already
 * inside a snapshot (it happened before the snapshot time) is not counted twice.
 */
export interface StockQuantities {
  available: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
}

export interface StockSnapshotLine extends StockQuantities {
  snapshotAt: string;
}

/** One movement; `key` names the business event, so a repeat of it is applied once. */
export interface StockDelta {
  key: string;
  sku: string;
  occurredAt: string;
  available: number;
  unfulfillable: number;
}

const ZERO: StockQuantities = { available: 0, reserved: 0, inbound: 0, unfulfillable: 0 };

/** The snapshot's quantities per SKU; batches and stock qualities of one SKU are added up. */
export function snapshotLines(inventory: WarehouseInventory): Map<string, StockQuantities> {
  const lines = new Map<string, StockQuantities>();
  for (const item of inventory.items) {
    const sum = lines.get(item.sku) ?? { ...ZERO };
    sum.available += item.available;
    sum.reserved += item.reserved;
    sum.inbound += item.inbound;
    sum.unfulfillable += item.unfulfillable;
    lines.set(item.sku, sum);
  }
  return lines;
}

/** Snapshot + the movements after it (all of them when no snapshot was seen yet). */
export function stockLevel(
  snapshot: StockSnapshotLine | undefined,
  deltas: readonly StockDelta[],
): StockQuantities {
  const since = snapshot ? Date.parse(snapshot.snapshotAt) : -Infinity;
  const level = snapshot
    ? {
        available: snapshot.available,
        reserved: snapshot.reserved,
        inbound: snapshot.inbound,
        unfulfillable: snapshot.unfulfillable,
      }
    : { ...ZERO };
  for (const d of deltas) {
    if (Date.parse(d.occurredAt) <= since) continue;
    level.available += d.available;
    level.unfulfillable += d.unfulfillable;
  }
  return level;
}

/**
 * What a shipped order takes out of stock, per SKU. Keyed by order and SKU, not by status, so
 * SHIPPED then DELIVERED (or the same push twice) takes the goods out once.
 */
export function fulfillmentDeltas(event: FulfillmentEvent): StockDelta[] {
  if (event.status !== 'SHIPPED' && event.status !== 'DELIVERED') return [];
  const perSku = new Map<string, number>();
  for (const line of event.shippedLines ?? []) {
    perSku.set(line.sku, (perSku.get(line.sku) ?? 0) + line.quantity);
  }
  return [...perSku].map(([sku, quantity]) => ({
    key: `fulfillment:${event.fulfillmentNo}:${sku}`,
    sku,
    occurredAt: event.occurredAt,
    available: -quantity,
    unfulfillable: 0,
  }));
}

export interface ReceiptTotals {
  received: number;
  damaged: number;
}

/**
 * Received and damaged totals per SKU of an inbound once its goods are put away (4PX counts
 * stock as available after putaway); the totals grow as a partial receipt goes on.
 */
export function inboundReceipts(inbound: WarehouseInbound): Map<string, ReceiptTotals> {
  const totals = new Map<string, ReceiptTotals>();
  if (inbound.status !== 'PUTAWAY_DONE' && inbound.status !== 'PARTIAL') return totals;
  for (const line of inbound.lines) {
    const sum = totals.get(line.sku) ?? { received: 0, damaged: 0 };
    sum.received += line.receivedQty ?? 0;
    sum.damaged += line.damagedQty ?? 0;
    totals.set(line.sku, sum);
  }
  return totals;
}

/** The movement from the totals seen before to the new ones; undefined when nothing grew. */
export function receiptDelta(
  asnNo: string,
  sku: string,
  occurredAt: string,
  before: ReceiptTotals | undefined,
  now: ReceiptTotals,
): StockDelta | undefined {
  const available = now.received - (before?.received ?? 0);
  const unfulfillable = now.damaged - (before?.damaged ?? 0);
  if (available <= 0 && unfulfillable <= 0) return undefined;
  return {
    key: `receipt:${asnNo}:${sku}:${now.received}:${now.damaged}`,
    sku,
    occurredAt,
    available: Math.max(available, 0),
    unfulfillable: Math.max(unfulfillable, 0),
  };
}

/**
 * Low stock is available at or below the SKU's threshold. An alert goes out when stock crosses
 * into low, not on every movement while it stays low; rising above the threshold re-arms it.
 */
export function lowStockCrossing(
  wasLow: boolean,
  available: number,
  threshold: number | undefined,
): { low: boolean; alert: boolean } {
  const low = threshold !== undefined && available <= threshold;
  return { low, alert: low && !wasLow };
}
