import { createHash, timingSafeEqual } from 'node:crypto';
import { TradeError } from '../../../core/errors/trade-error';
import type { WebhookRequest, WebhookVerifier } from '../../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../../core/partners/partner.schema';
import { headerOf } from '../../transports/http/request-parts';
import { parseTransportSettings } from '../../transports/http/transport-settings';
import {
  HttpInboundSettingsSchema,
  type HttpInboundSettings,
} from '../http-inbound-settings.schema';
import { verifyWebhook } from './webhook-signature';

const header = (request: WebhookRequest, name: string) => headerOf(request.headers, name);

const refuse = (message: string, code: string) =>
  new TradeError('rejected', message, { stage: 'receive', code });

// Hashing first makes both sides the same length, so the comparison leaks nothing.
const sameText = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

function checkToken(request: WebhookRequest, settings: HttpInboundSettings): void {
  const given = header(request, settings.tokenHeader)?.replace(/^Bearer\s+/i, '');
  if (!given) throw refuse(`missing ${settings.tokenHeader}`, 'unsigned');
  if (!sameText(given, settings.sharedToken!)) throw refuse('wrong shared token', 'bad-token');
}

function checkClientCertificate(request: WebhookRequest, settings: HttpInboundSettings): void {
  const cert = settings.clientCertificate!;
  // The header is only worth something when our own proxy set it.
  if (!request.remoteAddress || !cert.trustedProxies.includes(request.remoteAddress))
    throw refuse(`not from a trusted proxy (${request.remoteAddress ?? '?'})`, 'untrusted-proxy');
  const subject = header(request, cert.header);
  if (!subject) throw refuse(`missing ${cert.header}`, 'unsigned');
  if (!cert.subjects.includes(subject))
    throw refuse(`client certificate ${subject} not allowed`, 'bad-certificate');
}

/**
 * Generic partners: the declared scheme (HMAC with a timestamp window, shared token, client
 * certificate from a trusted proxy) or an explicit `unsigned: true`; never a silent skip.
 */
export const genericWebhookVerifier: WebhookVerifier = {
  connector: 'http-generic',
  verify(request: WebhookRequest, partner: PartnerRecord, raw: PartnerTransport) {
    const settings = parseTransportSettings(HttpInboundSettingsSchema, raw, partner, 'receive');
    if (settings.unsigned) {
      // Declared so by the partner record and flagged in GET /partners.
    } else if (settings.webhookSecret) {
      verifyWebhook(
        settings.webhookSecret,
        {
          signature: header(request, 'x-tradehub-signature'),
          timestamp: header(request, 'x-tradehub-timestamp'),
        },
        request.body,
        settings.maxSkewSeconds,
      );
    } else if (settings.sharedToken) {
      checkToken(request, settings);
    } else if (settings.clientCertificate) {
      checkClientCertificate(request, settings);
    } else {
      throw refuse('no webhook authentication declared', 'no-authentication');
    }
    // The partner's own message id counts for dedupe only from an authenticated sender: an
    // unsigned post could squat the id a real message will carry later.
    if (!settings.webhookSecret) return { partnerRef: undefined };
    const partnerRef = header(request, settings.messageIdHeader) || undefined;
    return { partnerRef, senderMessageId: partnerRef !== undefined };
  },
};
