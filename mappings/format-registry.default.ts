import { carrierEdifactInboundMappings, carrierEdifactOutboundMappings } from './carrier-edifact';
import { edifactCodec } from './codecs/edifact';
import { x12Codec } from './codecs/x12';
import { swiftMtCodec } from './codecs/swift-mt';
import { cnCustomsCodec } from './codecs/cn-customs/cn-customs.codec';
import { cebOrderMapping } from './cn-customs-orders/ceb-order.mapping';
import { cebReceiptMapping } from './cn-customs-receipts';
import { iso20022Codec } from './codecs/iso20022/iso20022.codec';
import { xmlCodec } from './codecs/xml/xml.codec';
import { jsonCodec } from './codecs/json/json.codec';
import {
  dcsaBookingConfirmationMapping,
  dcsaBookingRequestMapping,
  dcsaBookingRequestRender,
} from './dcsa-booking-2';
import { dcsaTntEventsMapping } from './dcsa-tnt';
import { genericOrderMapping } from './generic-order-json/generic-order.mapping';
import { FormatRegistry } from './pipeline/format-registry';
import {
  fulfillmentOrderRender,
  warehouseFulfillmentEventMapping,
  warehouseInboundMapping,
  warehouseInboundRender,
  warehouseInventoryMapping,
} from './warehouse-rest';
import { x12WarehouseInboundMappings, x12WarehouseOutboundMappings } from './x12-warehouse';

/**
 * Every codec and mapping TradeHub ships. Codecs are tried for detection in this order: the
 * ones with unmistakable openings first, China customs and ISO 20022 before plain XML, JSON last.
 * Where two mappings take the same message type, the first registered is the default and a
 * partner record picks another by id.
 */
export function buildFormatRegistry(): FormatRegistry {
  const registry = new FormatRegistry();
  for (const codec of [
    edifactCodec,
    x12Codec,
    swiftMtCodec,
    cnCustomsCodec,
    iso20022Codec,
    xmlCodec,
    jsonCodec,
  ]) {
    registry.addCodec(codec);
  }
  const inbound = [
    genericOrderMapping,
    dcsaTntEventsMapping,
    dcsaBookingConfirmationMapping,
    dcsaBookingRequestMapping,
    warehouseInboundMapping,
    warehouseInventoryMapping,
    warehouseFulfillmentEventMapping,
    ...x12WarehouseInboundMappings,
    ...carrierEdifactInboundMappings,
    cebReceiptMapping,
    cebOrderMapping,
  ];
  for (const mapping of inbound) registry.addInbound(mapping);
  const outbound = [
    ...carrierEdifactOutboundMappings,
    dcsaBookingRequestRender,
    warehouseInboundRender,
    fulfillmentOrderRender,
    ...x12WarehouseOutboundMappings,
  ];
  for (const mapping of outbound) registry.addOutbound(mapping);
  return registry;
}
