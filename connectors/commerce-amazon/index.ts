export { amazonManifest } from './amazon.manifest';
export { AmazonOrdersPoller } from './orders.poller';
export { SpApiClient, RateBucket } from './sp-api.client';
export { confirmShipment, type ShipmentConfirmation } from './shipment-confirmation';
export { amazonWebhookVerifier, notificationRef } from './amazon-webhook.verifier';
export * from './amazon-settings.schema';
