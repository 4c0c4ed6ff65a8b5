export { warehouseRestManifest } from './warehouse-rest.manifest';
export { WarehouseRestTransport } from './warehouse.transport';
export { WarehouseInventoryPoller } from './inventory.poller';
export { warehouseWebhookVerifier } from './warehouse-webhook.verifier';
export * from './warehouse-settings.schema';
