import type { InboundPoller } from '../../core/connector/contract';
import type { Queryable } from '../../core/storage/queryable';
import { DcsaBookingStatusPoller } from './booking-status.poller';
import { SentBookingRefs } from './booking-refs.source';
import { DcsaTntPoller } from './tnt.poller';

export { carrierDcsaManifest } from './carrier-dcsa.manifest';
export { DcsaBookingTransport } from './booking.transport';
export { DcsaBookingStatusPoller } from './booking-status.poller';
export { DcsaTntPoller } from './tnt.poller';
export { dcsaWebhookVerifier } from './dcsa-webhook.verifier';
export { createTntSubscription, type TntSubscription } from './tnt-subscription';
export { SentBookingRefs, noBookingRefs, type BookingRefSource } from './booking-refs.source';
export { secretKey, signNotification, verifyNotification } from './notification-signature';
export * from './dcsa-settings.schema';

/**
 * The DCSA pollers for the poll runtime: T&T events (transport kind 'dcsa-tnt') and booking
 * status (kind 'dcsa-booking-poll', following the bookings sent to the partner).
 */
export function carrierDcsaPollers(db: Queryable): InboundPoller[] {
  return [new DcsaTntPoller(), new DcsaBookingStatusPoller(new SentBookingRefs(db))];
}
