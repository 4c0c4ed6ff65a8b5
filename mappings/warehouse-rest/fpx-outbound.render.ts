import type { FulfillmentOrder } from '../../core/model/documents/warehouse.schema';
import type { MappingContext, OutboundMapping } from '../../core/translation/contract';
import { mappingError } from '../json-support/json-node';
import { jsonRendered } from '../json-support/json-render';
import { settingString } from '../json-support/mapping-settings';
import { unsupported, warehouseSettings } from './warehouse-settings';

/** The outbound (fulfillment) order create request (`fu.wms.outbound.create`). */
export const WAREHOUSE_OUTBOUND_CREATE = 'warehouse.outbound.create';

/**
 * FulfillmentOrder -> the 4PX-dialect outbound create body. The warehouse needs a street and
 * a city to ship, and a logistics product: the order's shippingService, else the partner
 * setting `logisticsProductCode`.
 */
export const fulfillmentOrderRender: OutboundMapping<FulfillmentOrder> = {
  id: 'warehouse-rest-outbound-create',
  documentType: 'FulfillmentOrder',
  format: 'json',
  render(order: FulfillmentOrder, ctx: MappingContext & { controlRef: string }) {
    const { dialect } = warehouseSettings(ctx);
    if (dialect !== '4px') throw unsupported(dialect, 'outbound create request');
    const product = order.shippingService ?? settingString(ctx.settings, 'logisticsProductCode');
    if (!product) throw mappingError('no logistics product to ship with', '/shippingService');
    if (!order.shipTo) throw mappingError('the order names no ship-to', '/shipTo');
    const { address, contact, name } = order.shipTo;
    if (!address.lines?.length)
      throw mappingError('the warehouse needs a street', '/shipTo/address/lines');
    if (!address.city) throw mappingError('the warehouse needs a city', '/shipTo/address/city');
    const body = {
      ref_no: order.fulfillmentNo,
      from_warehouse_code: order.warehouseCode,
      sales_no: order.orderNos?.[0],
      logistics_service_info: { logistics_product_code: product },
      currency: order.declaredValue?.currency,
      declare_value: order.declaredValue?.amount,
      oconsignment_desc: {
        name,
        street: address.lines[0],
        street2: address.lines.slice(1).join(', ') || undefined,
        city: address.city,
        state: address.region,
        post_code: address.postalCode,
        country: address.country,
        phone: contact?.phone,
        email: contact?.email,
      },
      oconsignment_sku: order.lines.map((line) => ({
        sku_code: line.sku,
        qty: line.quantity,
        sku_desc: line.description,
      })),
    };
    return jsonRendered(body, WAREHOUSE_OUTBOUND_CREATE, ctx.controlRef);
  },
};
