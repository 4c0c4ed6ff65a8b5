import Decimal from 'decimal.js';
import type { WarehouseInbound } from '../../core/model/documents/warehouse.schema';
import type { MappingContext, OutboundMapping } from '../../core/translation/contract';
import { mappingError } from '../json-support/json-node';
import { jsonRendered } from '../json-support/json-render';
import { FPX_TRANSPORT, FPX_TRANSPORT_CODES } from './warehouse-codes';
import { unsupported, warehouseSettings } from './warehouse-settings';

/** The inbound ASN create request (`fu.wms.inbound.create` in warehouse-api.md). */
export const WAREHOUSE_INBOUND_CREATE = 'warehouse.inbound.create';

const epochMillis = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);
// 4PX gives weights and volumes to three decimals.
const three = (value: string | undefined) => (value ? new Decimal(value).toFixed(3) : undefined);

/** WarehouseInbound (an ASN of stock) -> the 4PX-dialect inbound create body. */
export const warehouseInboundRender: OutboundMapping<WarehouseInbound> = {
  id: 'warehouse-rest-inbound-create',
  documentType: 'WarehouseInbound',
  format: 'json',
  render(asn: WarehouseInbound, ctx: MappingContext & { controlRef: string }) {
    const { dialect } = warehouseSettings(ctx);
    if (dialect !== '4px') throw unsupported(dialect, 'inbound create request');
    if (asn.inboundType === 'RETURN') {
      throw mappingError('returns are announced as RMAs, not as inbound ASNs', '/inboundType');
    }
    const transport = FPX_TRANSPORT_CODES.find((code) => FPX_TRANSPORT[code] === asn.transportMode);
    if (asn.transportMode && !transport) {
      throw mappingError(`4PX has no transport type for ${asn.transportMode}`, '/transportMode');
    }
    const body = {
      ref_no: asn.asnNo,
      from_warehouse_code: asn.fromWarehouseCode,
      to_warehouse_code: asn.warehouseCode,
      transport_type: transport,
      tracking_no: asn.trackingNos?.[0],
      container_no: asn.containerNos?.[0],
      bl_no: asn.blNo,
      customs_declaration_nos: asn.declarationNos,
      plan_arrive_time: epochMillis(asn.expectedArrival),
      total_weight: three(asn.measures?.grossWeightKg),
      total_volume: three(asn.measures?.volumeM3),
      box_count: asn.boxCount,
      currency: asn.declaredValue?.currency,
      insure_value: asn.declaredValue?.amount,
      iconsignment_sku: asn.lines.map((line) => ({
        box_no: line.boxNo,
        sku_code: line.sku,
        plan_qty: line.expectedQty,
        batch_no: line.batchNo,
      })),
    };
    return jsonRendered(body, WAREHOUSE_INBOUND_CREATE, ctx.controlRef);
  },
};
