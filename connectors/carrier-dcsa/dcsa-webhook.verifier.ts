import type { WebhookRequest, WebhookVerifier } from '../../core/connector/contract';
import { TradeError } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { headerOf } from '../transports/http/request-parts';
import { peekJson, textAt } from '../transports/http/json-peek';
import { parseTransportSettings } from '../transports/http/transport-settings';
import { DcsaInboundSettingsSchema } from './dcsa-settings.schema';
import { secretKey, verifyNotification } from './notification-signature';
import { tntEvents, tntRef } from './tnt-page';

/**
 * DCSA callbacks (T&T 2.2 subscription notifications, Booking 2.0 notifications): the
 * Notification-Signature over the raw body with the subscription secret, the Subscription-ID
 * when one is configured. The partner reference names the content (T&T event ids and times,
 * or the notification id), so a resent callback is recorded as a duplicate, not processed.
 */
export const dcsaWebhookVerifier: WebhookVerifier = {
  connector: 'carrier-dcsa',
  verify(request: WebhookRequest, partner: PartnerRecord, raw: PartnerTransport) {
    const settings = parseTransportSettings(DcsaInboundSettingsSchema, raw, partner, 'receive');
    const keys = [settings.subscriptionSecret, settings.previousSubscriptionSecret]
      .filter((s): s is string => Boolean(s))
      .map((s) => secretKey(s, settings.secretEncoding));
    verifyNotification(headerOf(request.headers, 'notification-signature'), request.body, keys);
    const subscription = headerOf(request.headers, 'subscription-id');
    if (settings.subscriptionId && subscription !== settings.subscriptionId) {
      throw new TradeError('rejected', `unknown Subscription-ID ${subscription ?? '(none)'}`, {
        stage: 'receive',
        code: 'unknown-subscription',
      });
    }
    return { partnerRef: notificationRef(request.body) };
  },
};

function notificationRef(body: Buffer): string | undefined {
  // Unreadable JSON is stored as received; the normalizer reports what is wrong with it.
  const value = peekJson(body);
  const events = tntEvents(value);
  if (events) return tntRef(events);
  const id = textAt(value, 'id');
  return textAt(value, 'specversion') && id ? `notification:${id}` : undefined;
}
