import type {
  FulfillmentEvent,
  ItemMaster,
  WarehouseInbound,
  WarehouseInventory,
} from '../../core/model/documents/warehouse.schema';
import { jsonMapping } from '../json-support/json-mapping';
import { readFpxInbound, readFpxReturn } from './fpx-inbound.reader';
import { readFpxInventory } from './fpx-inventory.reader';
import { readFpxOutboundEvent } from './fpx-outbound-event.reader';
import { readShipbobWro } from './shipbob-wro.reader';
import { readShipbobProducts } from './shipbob-products.reader';
import { settingString } from '../json-support/mapping-settings';
import { unwrap } from './warehouse-envelope';
import { unsupported, warehouseSettings } from './warehouse-settings';

/** Inbound (ASN / receiving) and return status pushes; ShipBob WROs in the shipbob dialect. */
export const WAREHOUSE_INBOUND = 'warehouse.inbound';
/** Inventory query results. */
export const WAREHOUSE_INVENTORY = 'warehouse.inventory';
/** Outbound (fulfillment) status and tracking pushes. */
export const WAREHOUSE_FULFILLMENT_EVENT = 'warehouse.fulfillment-event';
/** The provider's product (SKU) list: ShipBob GET /2.0/product. */
export const WAREHOUSE_ITEM_MASTER = 'warehouse.item-master';
/** A WRO's box list alone (ShipBob GET /2.0/receiving/{id}/boxes): parse-only, see parse-only.ts. */
export const WAREHOUSE_INBOUND_BOXES = 'warehouse.inbound-boxes';

/** Shapes and status tables: warehouse-api.md. Settings: `dialect`, `provider`. */
export const warehouseInboundMapping = jsonMapping<WarehouseInbound>({
  id: 'warehouse-rest-inbound',
  messageType: WAREHOUSE_INBOUND,
  documentType: 'WarehouseInbound',
  eventType: 'warehouse.inbound.updated',
  read({ root, ctx, message, warnings }) {
    const { dialect, provider } = warehouseSettings(ctx);
    // A WRO is known by its shape too (shipbobWroSniffer), whatever the partner's dialect.
    if (dialect === 'shipbob' || message.detection.standard === 'ShipBob') {
      return (root.isArray() ? root.items() : [root]).map((wro) =>
        readShipbobWro(wro, provider, warnings),
      );
    }
    return unwrap(root, ['inbound.status', 'return.status']).map(({ eventType, data }) =>
      eventType === 'return.status' || (!eventType && data.has('rma_no'))
        ? readFpxReturn(data, provider)
        : readFpxInbound(data, provider),
    );
  },
  occurredAt: (inbound) => inbound.statusAt,
});

export const warehouseInventoryMapping = jsonMapping<WarehouseInventory>({
  id: 'warehouse-rest-inventory',
  messageType: WAREHOUSE_INVENTORY,
  documentType: 'WarehouseInventory',
  eventType: 'warehouse.inventory.snapshot',
  read({ root, ctx }) {
    const { dialect, provider } = warehouseSettings(ctx);
    if (dialect !== '4px') throw unsupported(dialect, 'inventory query result');
    // A query answer is the stock at the moment it was received.
    return readFpxInventory(root, provider, ctx.receivedAt);
  },
  occurredAt: (inventory) => inventory.snapshotAt,
});

export const warehouseFulfillmentEventMapping = jsonMapping<FulfillmentEvent>({
  id: 'warehouse-rest-fulfillment-event',
  messageType: WAREHOUSE_FULFILLMENT_EVENT,
  documentType: 'FulfillmentEvent',
  eventType: 'warehouse.fulfillment.status',
  read({ root, ctx }) {
    const { dialect, provider } = warehouseSettings(ctx);
    if (dialect !== '4px') throw unsupported(dialect, 'outbound status push');
    return unwrap(root, ['outbound.status']).map(({ data }) =>
      readFpxOutboundEvent(data, provider),
    );
  },
  occurredAt: (event) => event.occurredAt,
});

/** ShipBob products -> ItemMaster, as of when the list was received (it has no snapshot time). */
export const warehouseItemMasterMapping = jsonMapping<ItemMaster>({
  id: 'warehouse-rest-item-master',
  messageType: WAREHOUSE_ITEM_MASTER,
  documentType: 'ItemMaster',
  eventType: 'warehouse.item-master.updated',
  read: ({ root, ctx, warnings }) => [
    readShipbobProducts(
      root,
      settingString(ctx.settings, 'provider') ?? 'ShipBob',
      ctx.receivedAt,
      warnings,
    ),
  ],
  occurredAt: (master) => master.asOf,
});
