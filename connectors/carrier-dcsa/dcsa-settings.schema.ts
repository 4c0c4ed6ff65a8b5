import { z } from 'zod';
import { PartnerApiSettingsSchema } from '../transports/http/http-settings.schema';

const direction = (value: 'in' | 'out') => z.enum(['in', 'out', 'both']).default(value);

/**
 * T&T events from the carrier: polled from GET /events (mode poll) or pushed to
 * /inbound/<partnerId> after a subscription (mode push). `baseUrl` includes the version
 * prefix the carrier publishes, e.g. https://api.carrier.example/tnt/v2.
 */
export const DcsaTntSettingsSchema = PartnerApiSettingsSchema.extend({
  kind: z.literal('dcsa-tnt'),
  direction: direction('in'),
  tntVersion: z.enum(['2.2', '3.0']).default('2.2'),
  mode: z.enum(['poll', 'push']).default('poll'),
  /** Query filters kept on every request: carrierBookingReference, equipmentReference, eventType(s). */
  filters: z.record(z.string(), z.string()).default({}),
  /** Lower bound of the first poll (ISO 8601); later polls start after the newest event seen. */
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  /** Pages read in one poll round; the cursor carries the rest to the next round. */
  maxPagesPerPoll: z.number().int().min(1).default(20),
});
export type DcsaTntSettings = z.infer<typeof DcsaTntSettingsSchema>;

/** Booking 2.0 requests: POST /bookings (create), PUT /bookings/{ref} (update). */
export const DcsaBookingSettingsSchema = PartnerApiSettingsSchema.extend({
  kind: z.literal('dcsa-booking'),
  direction: direction('out'),
});
export type DcsaBookingSettings = z.infer<typeof DcsaBookingSettingsSchema>;

/** GET /bookings/{ref} for the bookings we sent, until they reach a final status. */
export const DcsaBookingPollSettingsSchema = PartnerApiSettingsSchema.extend({
  kind: z.literal('dcsa-booking-poll'),
  direction: direction('in'),
  /** Bookings to follow besides those found by the connector's booking source. */
  bookingReferences: z.array(z.string().min(1)).default([]),
  /** How far back sent booking requests are followed. */
  lookbackDays: z.number().int().positive().default(60),
});
export type DcsaBookingPollSettings = z.infer<typeof DcsaBookingPollSettingsSchema>;

/**
 * Callbacks of a T&T subscription: `Notification-Signature: sha256=<hex>` is HMAC-SHA256 of
 * the raw body keyed with the subscription secret, which DCSA sends Base64-encoded (the key is
 * the decoded bytes). The previous secret is accepted during a rotation.
 */
export const DcsaInboundSettingsSchema = z.object({
  kind: z.literal('http-inbound'),
  direction: direction('in'),
  subscriptionSecret: z.string().min(1),
  previousSubscriptionSecret: z.string().min(1).optional(),
  secretEncoding: z.enum(['base64', 'utf8']).default('base64'),
  /** When set, the Subscription-ID header must name this subscription. */
  subscriptionId: z.string().optional(),
});
export type DcsaInboundSettings = z.infer<typeof DcsaInboundSettingsSchema>;
