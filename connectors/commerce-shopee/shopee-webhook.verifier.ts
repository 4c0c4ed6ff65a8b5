import { TradeError } from '../../core/errors/trade-error';
import type { WebhookRequest, WebhookVerifier } from '../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { isObject, peekJson, textAt } from '../transports/http/json-peek';
import { headerOf } from '../transports/http/request-parts';
import { parseTransportSettings } from '../transports/http/transport-settings';
import { ShopeePushSettingsSchema } from './shopee-settings.schema';
import { pushSignature, sameSignature } from './shopee-sign';

const refuse = (message: string, code: string) =>
  new TradeError('rejected', message, { stage: 'receive', code });

/**
 * The push's own identity, for resends: its `msg_id` when Shopee sends one, else what names
 * one status change (shop, push code, order, status, update time). A repeated push of the
 * same change is then recorded as a duplicate of the first.
 */
export function pushRef(body: Buffer): string | undefined {
  const push = peekJson(body);
  if (!isObject(push)) return undefined;
  const msgId = textAt(push, 'msg_id');
  if (msgId) return `msg:${msgId}`;
  const outer = isObject(push.data) ? push.data : {};
  const data = isObject(outer.data) ? outer.data : outer;
  const parts = [
    textAt(push, 'shop_id'),
    textAt(push, 'code'),
    textAt(data, 'ordersn'),
    textAt(data, 'status'),
    textAt(data, 'update_time') ?? textAt(push, 'timestamp'),
  ];
  return parts.every(Boolean) ? `push:${parts.join(':')}` : undefined;
}

/**
 * Shopee pushes: `Authorization` = hex HMAC-SHA256(partner key, callback URL | raw body),
 * compared in constant time. Missing or wrong signatures are refused (401, recorded).
 */
export const shopeeWebhookVerifier: WebhookVerifier = {
  connector: 'commerce-shopee',
  verify(request: WebhookRequest, partner: PartnerRecord, raw: PartnerTransport) {
    const settings = parseTransportSettings(ShopeePushSettingsSchema, raw, partner, 'receive');
    const given = headerOf(request.headers, 'authorization');
    if (!given) throw refuse('missing Authorization signature', 'unsigned');
    const expected = pushSignature(settings.partnerKey, settings.callbackUrl, request.body);
    if (!sameSignature(given, expected))
      throw refuse('Shopee push signature does not match', 'bad-signature');
    return { partnerRef: pushRef(request.body) };
  },
};
