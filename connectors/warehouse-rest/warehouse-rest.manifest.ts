import type { ConnectorManifest } from '../../core/connector/contract';
import {
  WAREHOUSE_FULFILLMENT_EVENT,
  WAREHOUSE_INBOUND,
  WAREHOUSE_INBOUND_CREATE,
  WAREHOUSE_INVENTORY,
  WAREHOUSE_OUTBOUND_CREATE,
  fulfillmentOrderRender,
  warehouseFulfillmentEventMapping,
  warehouseInboundMapping,
  warehouseInboundRender,
  warehouseInventoryMapping,
  warehouseItemMasterMapping,
} from '../../mappings/warehouse-rest';
import { WarehouseInventoryPoller } from './inventory.poller';
import { WarehouseRestTransport } from './warehouse.transport';
import { warehouseWebhookVerifier } from './warehouse-webhook.verifier';
import {
  WarehouseInboundSettingsSchema,
  WarehouseInventoryPollSettingsSchema,
  WarehouseRestSettingsSchema,
} from './warehouse-settings.schema';

/** An overseas warehouse over REST: 4PX-style signed API and pushes, or REST paths (ShipBob). */
export const warehouseRestManifest: ConnectorManifest = {
  id: 'warehouse-rest',
  kind: 'warehouse',
  description:
    'Overseas warehouse REST API: ASN and outbound orders out, signed status pushes in, inventory polled',
  transports: ['warehouse-rest', 'warehouse-inventory-poll', 'http-inbound'],
  messageTypes: {
    in: [WAREHOUSE_INBOUND, WAREHOUSE_FULFILLMENT_EVENT, WAREHOUSE_INVENTORY],
    out: [WAREHOUSE_INBOUND_CREATE, WAREHOUSE_OUTBOUND_CREATE],
  },
  transportSchemas: {
    'warehouse-rest': WarehouseRestSettingsSchema,
    'warehouse-inventory-poll': WarehouseInventoryPollSettingsSchema,
    'http-inbound': WarehouseInboundSettingsSchema,
  },
  pollers: [() => new WarehouseInventoryPoller()],
  outboundTransports: [() => new WarehouseRestTransport()],
  webhookVerifier: warehouseWebhookVerifier,
  mappings: {
    inbound: [
      warehouseInboundMapping,
      warehouseInventoryMapping,
      warehouseFulfillmentEventMapping,
      warehouseItemMasterMapping,
    ],
    outbound: [warehouseInboundRender, fulfillmentOrderRender],
  },
};
