import { createHash, timingSafeEqual } from 'node:crypto';
import { TradeError } from '../../core/errors/trade-error';
import type { WebhookRequest, WebhookVerifier } from '../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { isObject, peekJson, textAt } from '../transports/http/json-peek';
import { headerOf } from '../transports/http/request-parts';
import { parseTransportSettings } from '../transports/http/transport-settings';
import { AmazonNotificationSettingsSchema } from './amazon-settings.schema';

const refuse = (message: string, code: string) =>
  new TradeError('rejected', message, { stage: 'receive', code });

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The notification's id: Amazon delivers some notifications more than once, each time with
 * the same NotificationMetadata.NotificationId (inside EventBridge's `detail`).
 */
export function notificationRef(body: Buffer): string | undefined {
  const event = peekJson(body);
  const n = isObject(event) && isObject(event.detail) ? event.detail : event;
  const id = isObject(n) ? textAt(n.NotificationMetadata, 'NotificationId') : undefined;
  return id ? `notification:${id}` : undefined;
}

/** SP-API notifications through an EventBridge API destination with an API key connection. */
export const amazonWebhookVerifier: WebhookVerifier = {
  connector: 'commerce-amazon',
  verify(request: WebhookRequest, partner: PartnerRecord, raw: PartnerTransport) {
    const settings = parseTransportSettings(
      AmazonNotificationSettingsSchema,
      raw,
      partner,
      'receive',
    );
    const given = headerOf(request.headers, settings.apiKeyHeader);
    if (!given) throw refuse(`missing ${settings.apiKeyHeader}`, 'unsigned');
    // Hashing first makes both sides the same length, so the comparison leaks nothing.
    if (!timingSafeEqual(digest(given), digest(settings.apiKey)))
      throw refuse('wrong API key', 'bad-token');
    return { partnerRef: notificationRef(request.body) };
  },
};
