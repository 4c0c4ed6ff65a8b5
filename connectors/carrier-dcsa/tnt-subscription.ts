import { TradeError } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { peekObject, textAt } from '../transports/http/json-peek';
import { PartnerHttpClient, type PartnerHttpOptions } from '../transports/http/partner-http.client';
import { parseTransportSettings } from '../transports/http/transport-settings';
import { DcsaInboundSettingsSchema, DcsaTntSettingsSchema } from './dcsa-settings.schema';

export interface TntSubscriptionRequest {
  /** The gateway's public base URL; callbacks go to `<gatewayUrl>/inbound/<partnerId>`. */
  gatewayUrl: string;
  /** Subscription filters (DCSA 2.2 body fields); default: the dcsa-tnt transport's filters. */
  filters?: Record<string, unknown>;
}

export interface TntSubscription {
  subscriptionID: string;
  callbackUrl: string;
}

/**
 * Creates a DCSA T&T 2.2 event subscription (POST /event-subscriptions) whose callbacks reach
 * this gateway, signed with the partner's subscription secret (sent Base64-encoded, as the
 * spec's `secret` is). The returned subscriptionID belongs in the partner's http-inbound
 * settings (`subscriptionId`) so callbacks of other subscriptions are refused.
 */
export async function createTntSubscription(
  partner: PartnerRecord,
  request: TntSubscriptionRequest,
  httpOptions: PartnerHttpOptions = {},
): Promise<TntSubscription> {
  const api = parseTransportSettings(
    DcsaTntSettingsSchema,
    transport(partner, 'dcsa-tnt'),
    partner,
    'deliver',
  );
  const inbound = parseTransportSettings(
    DcsaInboundSettingsSchema,
    transport(partner, 'http-inbound'),
    partner,
    'deliver',
  );
  const callbackUrl = `${request.gatewayUrl.replace(/\/+$/, '')}/inbound/${encodeURIComponent(partner.id)}`;
  const secret =
    inbound.secretEncoding === 'base64'
      ? inbound.subscriptionSecret
      : Buffer.from(inbound.subscriptionSecret, 'utf8').toString('base64');
  const body = { ...(request.filters ?? api.filters), callbackUrl, secret };
  const client = new PartnerHttpClient(api, { ...httpOptions, stage: 'deliver' });
  const response = await client.request({
    method: 'POST',
    path: '/event-subscriptions',
    body: JSON.stringify(body),
  });
  const subscriptionID = textAt(peekObject(response.text), 'subscriptionID');
  if (!subscriptionID) {
    throw new TradeError(
      'rejected',
      'the carrier created a subscription without a subscriptionID',
      {
        stage: 'deliver',
      },
    );
  }
  return { subscriptionID, callbackUrl };
}

function transport(partner: PartnerRecord, kind: string): PartnerTransport {
  const found = partner.transports.find((t) => t.kind === kind);
  if (!found)
    throw new TradeError('config', `partner ${partner.id} has no ${kind} transport`, {
      stage: 'deliver',
    });
  return found;
}
