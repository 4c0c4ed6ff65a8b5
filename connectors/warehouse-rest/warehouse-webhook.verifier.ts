import type { WebhookRequest, WebhookVerifier } from '../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { peekJson, textAt } from '../transports/http/json-peek';
import { queryOf } from '../transports/http/request-parts';
import { verifySignedQuery } from '../transports/http/signed-query';
import { parseTransportSettings } from '../transports/http/transport-settings';
import { WarehouseInboundSettingsSchema } from './warehouse-settings.schema';

/**
 * Warehouse pushes carry the 4PX-style signed query on the callback URL (app_key, method,
 * timestamp, v, format, sign over the sorted parameters, the raw body and the app secret).
 * A timestamp outside the window is refused as a replay; a resend inside it is recognised by
 * its `event_id` and recorded as a duplicate.
 */
export const warehouseWebhookVerifier: WebhookVerifier = {
  connector: 'warehouse-rest',
  verify(request: WebhookRequest, partner: PartnerRecord, raw: PartnerTransport) {
    const settings = parseTransportSettings(
      WarehouseInboundSettingsSchema,
      raw,
      partner,
      'receive',
    );
    verifySignedQuery(
      queryOf(request.url),
      request.body.toString('utf8'),
      settings,
      settings.maxSkewSeconds,
    );
    const eventId = textAt(peekJson(request.body), 'event_id');
    return { partnerRef: eventId ? `event:${eventId}` : undefined };
  },
};
