import type { ConnectorManifest } from '../../core/connector/contract';
import {
  SHOPEE_ORDER_DETAIL,
  SHOPEE_ORDER_PUSH,
  shopeeOrderDetailMapping,
  shopeeOrderPushMapping,
} from '../../mappings/marketplace';
import { ShopeeApiSettingsSchema, ShopeePushSettingsSchema } from './shopee-settings.schema';
import { ShopeeOrderDetailPoller } from './order-detail.poller';
import { shopeeWebhookVerifier } from './shopee-webhook.verifier';

/** A Shopee shop: signed order pushes in, order details fetched, tracking numbers sent back. */
export const shopeeManifest: ConnectorManifest = {
  id: 'commerce-shopee',
  kind: 'marketplace',
  description:
    'Shopee Open Platform v2: signed pushes in (order status), get_order_detail fetched, shipping sent back',
  transports: ['http-inbound', 'shopee-api'],
  messageTypes: { in: [SHOPEE_ORDER_PUSH, SHOPEE_ORDER_DETAIL], out: [] },
  transportSchemas: {
    'http-inbound': ShopeePushSettingsSchema,
    'shopee-api': ShopeeApiSettingsSchema,
  },
  pollers: [(deps) => new ShopeeOrderDetailPoller(deps)],
  webhookVerifier: shopeeWebhookVerifier,
  mappings: { inbound: [shopeeOrderDetailMapping, shopeeOrderPushMapping] },
};
