import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import { TradeError } from '../../../core/errors/trade-error';
import type {
  DeliveryReceipt,
  OutboundDelivery,
  OutboundTransport,
} from '../../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../../core/partners/partner.schema';
import { classifyHttpError } from '../../transports/http/classify-http-error';
import { checkOutboundUrl, guardedRequestOptions } from '../../transports/http/outbound-policy';

export const HttpOutboundSettingsSchema = z.object({
  kind: z.literal('http-outbound'),
  direction: z.enum(['in', 'out', 'both']).default('out'),
  url: z.url(),
  method: z.enum(['POST', 'PUT']).default('POST'),
  /** Sent as `Authorization: Bearer <token>` when set. */
  token: z.string().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  timeoutMs: z.number().int().positive().default(15000),
  /** Private networks (CIDRs) this partner may be reached in (an in-house ERP); none by default. */
  allowedNetworks: z.array(z.string()).default([]),
});

/** Delivers a message as the body of one HTTP request; 2xx is success. */
export class HttpOutboundTransport implements OutboundTransport {
  readonly kind = 'http-outbound';

  constructor(private readonly http: AxiosInstance = axios.create()) {}

  async send(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    raw: PartnerTransport,
  ): Promise<DeliveryReceipt> {
    const parsed = HttpOutboundSettingsSchema.safeParse(raw);
    if (!parsed.success) {
      throw new TradeError(
        'config',
        `partner ${partner.id}: bad http-outbound settings: ${parsed.error.issues[0]?.message}`,
        { stage: 'deliver' },
      );
    }
    const settings = parsed.data;
    try {
      checkOutboundUrl(settings.url, settings.allowedNetworks);
      const response = await this.http.request({
        ...guardedRequestOptions(settings.allowedNetworks),
        url: settings.url,
        method: settings.method,
        data: delivery.body,
        timeout: settings.timeoutMs,
        headers: {
          ...settings.headers,
          'content-type': delivery.contentType,
          'x-tradehub-message-id': delivery.messageId,
          ...(delivery.correlationId ? { 'x-correlation-id': delivery.correlationId } : {}),
          ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        },
        // Partners answer in any format; keep the text for the history.
        responseType: 'text',
        transformResponse: (x: unknown) => x,
      });
      return {
        detail: { status: response.status, body: String(response.data ?? '').slice(0, 500) },
      };
    } catch (err) {
      throw classifyHttpError(err, `POST ${settings.url}`);
    }
  }
}
