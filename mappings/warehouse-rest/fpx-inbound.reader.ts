import type { WarehouseInbound } from '../../core/model/documents/warehouse.schema';
import type { JsonNode } from '../json-support/json-node';
import { optContainerNo, optEpochMillis } from '../json-support/json-values';
import {
  FPX_INBOUND,
  FPX_ORIGIN_STAGES,
  FPX_RETURN,
  FPX_TRANSPORT,
  FPX_TRANSPORT_CODES,
} from './warehouse-codes';

type Line = WarehouseInbound['lines'][number];

/** Put away, but a SKU line received less than planned: the inbound closed short. */
export const closedShort = (lines: Line[]): boolean =>
  lines.some((l) => l.receivedQty !== undefined && l.receivedQty < l.expectedQty);

function readLines(data: JsonNode, expectedKey: string): Line[] {
  const lines = data
    .at('skus')
    .items()
    .map((line) => ({
      sku: line.str('sku_code'),
      expectedQty: line.count(expectedKey),
      receivedQty: line.optCount('received_qty'),
      damagedQty: line.optCount('damaged_qty'),
      boxNo: line.optStr('box_no'),
      batchNo: line.optStr('batch_no'),
    }));
  return lines.length ? lines : data.fail('lists no SKU', 'skus');
}

/** 4PX inbound status push (warehouse-api.md, `inbound.status`) -> WarehouseInbound. */
export function readFpxInbound(data: JsonNode, provider: string): WarehouseInbound {
  const code = data.code('status', Object.keys(FPX_INBOUND));
  const from = data.optStr('from_warehouse_code');
  const lines = readLines(data, 'plan_qty');
  let status = FPX_INBOUND[code];
  // With a 4PX origin warehouse, G/V/K happen there: for the destination the goods are on the way.
  if (from && FPX_ORIGIN_STAGES.includes(code)) status = 'IN_TRANSIT';
  if (status === 'PUTAWAY_DONE' && closedShort(lines)) status = 'PARTIAL';
  const transport = data.optCode('transport_type', FPX_TRANSPORT_CODES);
  const tracking = data.optStr('tracking_no');
  const container = optContainerNo(data, 'container_no');
  return {
    asnNo: data.str('ref_no'),
    warehouseRef: data.optStr('consignment_no'),
    provider,
    warehouseCode: data.str('to_warehouse_code'),
    fromWarehouseCode: from,
    status,
    rawStatus: { code },
    statusAt: optEpochMillis(data, 'status_time'),
    transportMode: transport ? FPX_TRANSPORT[transport] : undefined,
    trackingNos: tracking ? [tracking] : undefined,
    containerNos: container ? [container] : undefined,
    blNo: data.optStr('bl_no'),
    expectedArrival: optEpochMillis(data, 'plan_arrive_time'),
    arrivedAt: optEpochMillis(data, 'arrive_time'),
    lines,
    boxCount: data.optCount('box_count'),
  };
}

/** 4PX return (RMA) status push (`return.status`) -> WarehouseInbound of type RETURN. */
export function readFpxReturn(data: JsonNode, provider: string): WarehouseInbound {
  const code = data.code('status', Object.keys(FPX_RETURN));
  const tracking = data.optStr('tracking_no');
  return {
    asnNo: data.optStr('ref_no') ?? data.str('rma_no'),
    warehouseRef: data.optStr('rma_no'),
    provider,
    warehouseCode: data.str('warehouse_code'),
    inboundType: 'RETURN',
    status: FPX_RETURN[code],
    rawStatus: { code },
    statusAt: optEpochMillis(data, 'status_time'),
    trackingNos: tracking ? [tracking] : undefined,
    lines: readLines(data, 'qty'),
  };
}
