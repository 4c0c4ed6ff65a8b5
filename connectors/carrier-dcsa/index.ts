export { carrierDcsaManifest } from './carrier-dcsa.manifest';
export { DcsaBookingTransport } from './booking.transport';
export { DcsaBookingStatusPoller } from './booking-status.poller';
export { DcsaTntPoller } from './tnt.poller';
export { dcsaWebhookVerifier } from './dcsa-webhook.verifier';
export { createTntSubscription, type TntSubscription } from './tnt-subscription';
export { SentBookingRefs, noBookingRefs, type BookingRefSource } from './booking-refs.source';
export { secretKey, signNotification, verifyNotification } from './notification-signature';
export * from './dcsa-settings.schema';
