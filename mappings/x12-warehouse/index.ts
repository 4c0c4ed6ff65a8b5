/**
 * X12 mappings for US 3PL warehouses (004010): 940 out; 945, 944, 846 in; 940 in from a
 * depositor; 997 both ways.
 * Partner settings: X12WarehouseSettingsSchema (see exampleUs3plSettings).
 */
import type { FulfillmentOrder } from '../../core/model/documents/warehouse.schema';
import type { InboundMapping, OutboundMapping } from '../../core/translation/contract';
import type { X12Message } from '../codecs/x12';
import { x12Warehouse846Mapping } from '../x12-846/x12-846.mapping';
import { x12Warehouse940Mapping } from '../x12-940/x12-940.mapping';
import { x12ReceivedShippingOrderMapping } from '../x12-940/x12-940.inbound.mapping';
import { x12Warehouse944Mapping } from '../x12-944/x12-944.mapping';
import { x12Warehouse945Mapping } from '../x12-945/x12-945.mapping';

export { x12Warehouse940Mapping, x12Warehouse944Mapping, x12Warehouse945Mapping };
export { x12Warehouse846Mapping, x12ReceivedShippingOrderMapping };
export { QTY_QUALIFIERS } from '../x12-846/x12-846.quantities';
export { acknowledgeX12, type AcknowledgeOptions } from './x12-997.acknowledge';
export {
  readFunctionalAck,
  type FunctionalAckResult,
  type FunctionalAckSetResult,
  type FunctionalAckSegmentError,
  type FunctionalAckElementError,
} from './x12-997.reader';
export {
  X12WarehouseSettingsSchema,
  warehouseSettings,
  type X12WarehouseSettings,
  type X12WarehouseSettingsInput,
} from './x12-warehouse-settings.schema';
export { exampleUs3plSettings } from './example-3pl.settings';

/**
 * What a 3PL sends: 945 -> FulfillmentEvent, 944 -> WarehouseInbound, 846 ->
 * WarehouseInventory. A 940 comes from a depositor instead (x12ReceivedShippingOrderMapping).
 */
export const x12WarehouseInboundMappings: ReadonlyArray<InboundMapping<X12Message>> = [
  x12Warehouse945Mapping,
  x12Warehouse944Mapping,
  x12Warehouse846Mapping,
];

/** FulfillmentOrder -> 940. */
export const x12WarehouseOutboundMappings: ReadonlyArray<OutboundMapping<FulfillmentOrder>> = [
  x12Warehouse940Mapping,
];
