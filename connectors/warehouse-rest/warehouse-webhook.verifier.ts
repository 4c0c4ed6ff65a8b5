import type { WebhookRequest, WebhookVerifier } from '../../core/connector/contract';
import { TradeError } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { peekJson, textAt } from '../transports/http/json-peek';
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
      fixedQuery(request.url),
      request.body.toString('utf8'),
      settings,
      settings.maxSkewSeconds,
    );
    const eventId = textAt(peekJson(request.body), 'event_id');
    return { partnerRef: eventId ? `event:${eventId}` : undefined };
  },
};

// The scheme signs name+value pairs without separators, so it does not bind where one part
// ends and the next begins (a body prefix moved into a new parameter keeps the sign). What we
// can do for a fixed scheme: accept exactly its parameters, each once.
const PUSH_PARAMS = new Set(['app_key', 'format', 'method', 'timestamp', 'v', 'sign']);

/** The push's query, refused when it has a parameter the scheme does not send, or one twice. */
function fixedQuery(url: string): Record<string, string> {
  const params = new URL(url, 'http://localhost').searchParams;
  const query: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!PUSH_PARAMS.has(name) || Object.hasOwn(query, name))
      throw new TradeError(
        'rejected',
        `query parameter ${JSON.stringify(name)} is ${PUSH_PARAMS.has(name) ? 'repeated' : 'not part of the signed push'}`,
        { stage: 'receive', code: 'bad-query' },
      );
    query[name] = value;
  }
  return query;
}
