import { TradeError } from '../../../core/errors/trade-error';
import type { WebhookRequest, WebhookVerifier } from '../../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../../core/partners/partner.schema';
import { HttpInboundSettingsSchema } from '../http-generic.manifest';
import { verifyWebhook } from './webhook-signature';
import { headerOf } from '../../transports/http/request-parts';

const header = (request: WebhookRequest, name: string) => headerOf(request.headers, name);

/** Generic partners: optional HMAC signature, partner message id from a configured header. */
export const genericWebhookVerifier: WebhookVerifier = {
  connector: 'http-generic',
  verify(request: WebhookRequest, partner: PartnerRecord, raw: PartnerTransport) {
    const parsed = HttpInboundSettingsSchema.safeParse(raw);
    if (!parsed.success)
      throw new TradeError('config', `partner ${partner.id}: bad http-inbound settings`, {
        stage: 'receive',
      });
    const settings = parsed.data;
    if (settings.webhookSecret) {
      verifyWebhook(
        settings.webhookSecret,
        {
          signature: header(request, 'x-tradehub-signature'),
          timestamp: header(request, 'x-tradehub-timestamp'),
        },
        request.body,
        settings.maxSkewSeconds,
      );
    }
    // The partner's own message id counts for dedupe only from an authenticated sender: an
    // unsigned post could squat the id a real message will carry later.
    if (!settings.webhookSecret) return { partnerRef: undefined };
    const partnerRef = header(request, settings.messageIdHeader) || undefined;
    return { partnerRef, senderMessageId: partnerRef !== undefined };
  },
};
