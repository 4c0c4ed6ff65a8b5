import type { InboundPoller } from '../../core/connector/contract';
import { WarehouseInventoryPoller } from './inventory.poller';

export { warehouseRestManifest } from './warehouse-rest.manifest';
export { WarehouseRestTransport } from './warehouse.transport';
export { WarehouseInventoryPoller } from './inventory.poller';
export { warehouseWebhookVerifier } from './warehouse-webhook.verifier';
export * from './warehouse-settings.schema';

/** The warehouse pollers for the poll runtime: inventory (kind 'warehouse-inventory-poll'). */
export function warehouseRestPollers(): InboundPoller[] {
  return [new WarehouseInventoryPoller()];
}
