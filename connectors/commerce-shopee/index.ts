export { shopeeManifest } from './shopee.manifest';
export { ShopeeApiClient } from './shopee-api.client';
export { ShopeeOrderDetailPoller } from './order-detail.poller';
export { shopeeWebhookVerifier, pushRef } from './shopee-webhook.verifier';
export { pushSignature, apiBaseString, shopeeHmac } from './shopee-sign';
export * from './shopee-settings.schema';
