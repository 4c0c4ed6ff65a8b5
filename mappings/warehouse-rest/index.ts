export {
  WAREHOUSE_FULFILLMENT_EVENT,
  WAREHOUSE_INBOUND,
  WAREHOUSE_INBOUND_BOXES,
  WAREHOUSE_INVENTORY,
  WAREHOUSE_ITEM_MASTER,
  warehouseFulfillmentEventMapping,
  warehouseInboundMapping,
  warehouseInventoryMapping,
  warehouseItemMasterMapping,
} from './warehouse.mappings';
export { WAREHOUSE_INBOUND_CREATE, warehouseInboundRender } from './fpx-inbound.render';
export { WAREHOUSE_OUTBOUND_CREATE, fulfillmentOrderRender } from './fpx-outbound.render';
