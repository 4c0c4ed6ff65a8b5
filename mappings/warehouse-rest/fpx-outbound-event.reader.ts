import type { FulfillmentEvent } from '../../core/model/documents/warehouse.schema';
import type { JsonNode } from '../json-support/json-node';
import { optEpochMillis } from '../json-support/json-values';
import { FPX_EXCEPTIONS, FPX_OUTBOUND } from './warehouse-codes';

/**
 * 4PX outbound status push (warehouse-api.md, `outbound.status`) -> FulfillmentEvent: the
 * carrier, every tracking number (order and packages) and the shipped quantities per SKU.
 * A shipped order the carrier reports delivered (`delivered_time`) is DELIVERED.
 */
export function readFpxOutboundEvent(data: JsonNode, provider: string): FulfillmentEvent {
  const code = data.code('status', Object.keys(FPX_OUTBOUND));
  const delivered = code === 'C' ? optEpochMillis(data, 'delivered_time') : undefined;
  const packages = data.optItems('packages');
  const tracking = [data.optStr('shipping_no'), ...packages.map((p) => p.optStr('tracking_no'))];
  const unique = [...new Set(tracking.filter((t): t is string => t !== undefined))];
  const shipped = new Map<string, number>();
  for (const sku of packages.flatMap((p) => p.optItems('skus'))) {
    const code = sku.str('sku_code');
    shipped.set(code, (shipped.get(code) ?? 0) + sku.count('qty'));
  }
  const exception = data.optCode('exception_code', Object.keys(FPX_EXCEPTIONS));
  const salesNo = data.optStr('sales_no');
  return {
    fulfillmentNo: data.str('ref_no'),
    warehouseRef: data.optStr('consignment_no'),
    provider,
    warehouseCode: data.str('from_warehouse_code'),
    orderNos: salesNo ? [salesNo] : undefined,
    status: delivered ? 'DELIVERED' : FPX_OUTBOUND[code],
    rawStatus: { code, description: exception && `exception ${exception}` },
    occurredAt:
      delivered ?? optEpochMillis(data, 'status_time') ?? data.fail('is required', 'status_time'),
    carrier: data.optStr('carrier_code'),
    trackingNos: unique.length ? unique : undefined,
    shippedLines: shipped.size
      ? [...shipped].map(([sku, quantity]) => ({ sku, quantity }))
      : undefined,
    reason:
      [exception && FPX_EXCEPTIONS[exception], data.optStr('remark')].filter(Boolean).join('; ') ||
      undefined,
  };
}
