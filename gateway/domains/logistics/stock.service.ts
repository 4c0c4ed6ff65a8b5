import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import type { Envelope } from '../../../core/envelope/envelope';
import { STOCK_LOW, type StockAlert } from './rules/logistics-events.schema';
import {
  fulfillmentDeltas,
  inboundReceipts,
  lowStockCrossing,
  receiptDelta,
  snapshotLines,
  stockLevel,
  type StockDelta,
} from './rules/stock';
import type {
  FulfillmentEvent,
  WarehouseInbound,
  WarehouseInventory,
} from '../../../core/model/documents/warehouse.schema';
import { inTransaction } from '../../../core/storage/database';
import { clientScope, type Principal } from '../../auth/principal';
import { ClientIdSchema } from '../../http/common-schemas';
import { parseInput } from '../../http/zod-query';
import { PG_POOL } from '../../infra/tokens';
import { actingClient, clientKey } from '../../auth/client-scope';
import { publishLogisticsEvent } from './logistics-envelope';
import { StockRepository, type StockKey } from './stock.repository';

export const ThresholdInput = z.strictObject({
  sku: z.string().min(1),
  /** One warehouse; every warehouse of the client when absent. */
  warehouseCode: z.string().min(1).optional(),
  threshold: z.number().int().nonnegative(),
  clientId: ClientIdSchema.optional(),
});

const StockQuery = z.object({ warehouse: z.string().optional(), sku: z.string().optional() });

/** What changed the stock, for the alert and the row's owner. */
interface Cause {
  envelope?: Envelope;
  what: string;
  observedAt: string;
}

/**
 * Overseas-warehouse stock per SKU: snapshots replace (newer wins), shipments and receipts move
 * it between snapshots, and a crossing into low stock publishes one warehouse.stock.low.
 */
@Injectable()
export class StockService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly stock: StockRepository,
  ) {}

  async applyInventory(tx: PoolClient, envelope: Envelope, inv: WarehouseInventory) {
    const cause = { envelope, what: 'WarehouseInventory', observedAt: inv.snapshotAt };
    for (const [sku, quantities] of snapshotLines(inv)) {
      const key = this.keyOf(envelope, inv, sku);
      const row = await this.stock.ensure(tx, key, this.owner(envelope));
      if (row.snapshot && Date.parse(row.snapshot.snapshotAt) >= Date.parse(inv.snapshotAt))
        continue;
      await this.stock.setSnapshot(tx, key, { ...quantities, snapshotAt: inv.snapshotAt });
      await this.recompute(tx, key, cause);
    }
  }

  async applyFulfillment(tx: PoolClient, envelope: Envelope, event: FulfillmentEvent) {
    const cause = { envelope, what: 'FulfillmentEvent', observedAt: event.occurredAt };
    for (const delta of fulfillmentDeltas(event))
      await this.move(tx, this.keyOf(envelope, event, delta.sku), delta, cause);
  }

  async applyInbound(tx: PoolClient, envelope: Envelope, inbound: WarehouseInbound) {
    const at = inbound.statusAt ?? inbound.arrivedAt ?? envelope.occurredAt;
    const cause = { envelope, what: 'WarehouseInbound', observedAt: at };
    for (const [sku, totals] of inboundReceipts(inbound)) {
      const key = this.keyOf(envelope, inbound, sku);
      await this.stock.ensure(tx, key, this.owner(envelope));
      const before = await this.stock.exchangeReceipt(tx, key, inbound.asnNo, totals);
      const delta = receiptDelta(inbound.asnNo, sku, at, before, totals);
      if (delta) await this.move(tx, key, delta, cause);
    }
  }

  async list(principal: Principal, query: unknown) {
    const q = parseInput(StockQuery, query);
    const rows = await this.stock.list(this.pool, { ...q, clientId: clientScope(principal) });
    return { items: rows.map(({ clientKey: _k, partnerId: _p, snapshot: _s, ...row }) => row) };
  }

  /** Sets a SKU's threshold and checks the stock it applies to at once. */
  async setThreshold(principal: Principal, body: unknown) {
    const input = parseInput(ThresholdInput, body);
    const owner = clientKey(actingClient(principal, input.clientId));
    return inTransaction(this.pool, async (tx) => {
      await this.stock.setThreshold(
        tx,
        owner,
        input.sku,
        input.warehouseCode ?? '*',
        input.threshold,
      );
      const cause = { what: 'threshold', observedAt: new Date().toISOString() };
      const keys = await this.stock.keysOfSku(tx, owner, input.sku, input.warehouseCode);
      for (const key of keys) await this.recompute(tx, key, cause);
      return { ...input, clientId: owner || null, warehouseCode: input.warehouseCode ?? '*' };
    });
  }

  private async move(
    tx: PoolClient,
    key: StockKey,
    delta: StockDelta,
    cause: Cause & { envelope: Envelope },
  ) {
    await this.stock.ensure(tx, key, this.owner(cause.envelope));
    if (await this.stock.addMovement(tx, key, delta, cause.envelope.id))
      await this.recompute(tx, key, cause);
  }

  private async recompute(tx: PoolClient, key: StockKey, cause: Cause): Promise<void> {
    const row = await this.stock.lock(tx, key);
    const level = stockLevel(row.snapshot ?? undefined, await this.stock.movements(tx, key));
    const threshold = await this.stock.threshold(tx, key);
    const { low, alert } = lowStockCrossing(row.low, level.available, threshold);
    await this.stock.setLevel(tx, key, level, low);
    if (!alert) return;
    const payload: StockAlert = {
      provider: key.provider,
      warehouseCode: key.warehouseCode,
      sku: key.sku,
      available: level.available,
      reserved: level.reserved,
      inbound: level.inbound,
      threshold: threshold!,
      observedAt: cause.observedAt,
      cause: cause.what,
    };
    await publishLogisticsEvent(tx, {
      ...STOCK_LOW,
      payload,
      refs: {},
      partnerId: row.partnerId,
      transport: cause.envelope ? 'handler' : 'api',
      clientId: row.clientId,
      cause: cause.envelope,
      occurredAt: cause.observedAt,
    });
  }

  private keyOf(envelope: Envelope, doc: { provider: string; warehouseCode: string }, sku: string) {
    return {
      clientKey: clientKey(envelope.clientId),
      provider: doc.provider,
      warehouseCode: doc.warehouseCode,
      sku,
    };
  }

  private owner(envelope: Envelope) {
    return { clientId: envelope.clientId ?? null, partnerId: envelope.source.partnerId };
  }
}
