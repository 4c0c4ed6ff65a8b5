import type { AxiosInstance } from 'axios';
import { TradeError } from '../../core/errors/trade-error';
import { TOKEN_EXPIRES_KEY, type PollStateStore } from '../../core/connector/contract';
import { isObject, peekJson, textAt } from '../transports/http/json-peek';
import { PartnerHttpClient } from '../transports/http/partner-http.client';
import type { ShopeeApiSettings } from './shopee-settings.schema';
import { apiBaseString, shopeeHmac } from './shopee-sign';

export const TOKEN_PATH = '/api/v2/auth/access_token/get';
export const ORDER_DETAIL_PATH = '/api/v2/order/get_order_detail';
export const SHIP_ORDER_PATH = '/api/v2/logistics/ship_order';

/** The fields get_order_detail returns only when asked (buyer, items, recipient, totals). */
const OPTIONAL_FIELDS =
  'buyer_user_id,buyer_username,recipient_address,item_list,total_amount,pay_time,payment_method,fulfillment_flag,package_list,shipping_carrier';

interface ShopToken {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

// Shopee answers most failures with HTTP 200 (or 4xx) and an `error` name: these can pass.
const TRANSIENT_ERRORS =
  /^(error_server|error_network|error_busy|error_too_many_request|error_inner)/;
const AUTH_ERRORS = /^(error_auth|invalid_access_token|error_invalid_token|invalid_acceess_token)/;

export interface ShopeeClientOptions {
  http?: AxiosInstance;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * One authorised shop's Open Platform v2 API. Every call is signed (partner id, path,
 * timestamp, access token, shop id); the access token (4 h) is refreshed before it expires
 * and once more when Shopee calls it invalid, and the rotated refresh token is kept in `store`.
 */
export class ShopeeApiClient {
  private readonly http: PartnerHttpClient;
  private readonly now: () => number;

  constructor(
    private readonly settings: ShopeeApiSettings,
    private readonly store: PollStateStore,
    options: ShopeeClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.http = new PartnerHttpClient(
      {
        baseUrl: settings.baseUrl,
        auth: { type: 'none' },
        http: settings.http,
        headers: {},
        allowedNetworks: [],
      },
      { stage: 'receive', ...options },
    );
  }

  /** get_order_detail for up to 50 order numbers: the answer's text, as Shopee sent it. */
  async orderDetail(orderSns: readonly string[]): Promise<string> {
    return this.shopCall('GET', ORDER_DETAIL_PATH, {
      order_sn_list: orderSns.join(','),
      response_optional_fields: OPTIONAL_FIELDS,
    });
  }

  /** Ships an order with the seller's own carrier: uploads its tracking number. */
  async uploadTrackingNumber(orderSn: string, trackingNumber: string): Promise<string> {
    const body = { order_sn: orderSn, non_integrated: { tracking_number: trackingNumber } };
    return this.shopCall('POST', SHIP_ORDER_PATH, {}, body);
  }

  private async shopCall(
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, string>,
    body?: unknown,
  ): Promise<string> {
    for (let renewed = false; ; renewed = true) {
      const token = await this.accessToken(renewed);
      const query = { ...this.signed(path, token), ...params };
      const text = (
        await this.http.request({
          method,
          path,
          query,
          body: body === undefined ? undefined : JSON.stringify(body),
          accept: [400, 403],
        })
      ).text;
      const error = shopeeError(text, `${method} ${path}`);
      if (!error) return text;
      // A token Shopee no longer takes (revoked, clock skew): refresh once, then let it stand.
      if (error.code === 'auth' && !renewed) continue;
      throw error;
    }
  }

  private signed(path: string, token?: string): Record<string, string> {
    const timestamp = Math.floor(this.now() / 1000);
    const { partnerId, partnerKey, shopId } = this.settings;
    const shop = token ? { accessToken: token, shopId } : undefined;
    const sign = shopeeHmac(partnerKey, apiBaseString(partnerId, path, timestamp, shop));
    const query: Record<string, string> = {
      partner_id: String(partnerId),
      timestamp: String(timestamp),
      sign,
    };
    if (shop) Object.assign(query, { access_token: token, shop_id: String(shopId) });
    return query;
  }

  /** The stored token while it has `refreshMarginSeconds` left, else a fresh one. */
  private async accessToken(force: boolean): Promise<string> {
    const stored = await this.loadToken();
    const margin = this.settings.refreshMarginSeconds * 1000;
    if (!force && stored && stored.expiresAt - margin > this.now()) return stored.accessToken;
    return (await this.refresh(stored?.refreshToken ?? this.settings.refreshToken)).accessToken;
  }

  private async refresh(refreshToken: string): Promise<ShopToken> {
    const { partnerId, shopId } = this.settings;
    const body = JSON.stringify({
      refresh_token: refreshToken,
      partner_id: partnerId,
      shop_id: shopId,
    });
    const text = (
      await this.http.request({
        method: 'POST',
        path: TOKEN_PATH,
        query: this.signed(TOKEN_PATH),
        body,
        accept: [400, 403],
      })
    ).text;
    const error = shopeeError(text, `POST ${TOKEN_PATH}`);
    // A refused refresh token needs the shop to authorise again: an operator's matter.
    if (error)
      throw error.kind === 'transient'
        ? error
        : new TradeError('config', error.message, { stage: 'receive', code: 'shopee-auth' });
    const answer = peekJson(text) as Record<string, unknown>;
    const token: ShopToken = {
      accessToken: textAt(answer, 'access_token') ?? '',
      refreshToken: textAt(answer, 'refresh_token') ?? refreshToken,
      expiresAt: this.now() + Number(answer.expire_in ?? 14400) * 1000,
    };
    await this.store.set(this.tokenKey(), JSON.stringify(token));
    await this.store.set(TOKEN_EXPIRES_KEY, new Date(token.expiresAt).toISOString());
    return token;
  }

  private async loadToken(): Promise<ShopToken | undefined> {
    const raw = await this.store.get(this.tokenKey());
    return raw ? (JSON.parse(raw) as ShopToken) : undefined;
  }

  private tokenKey(): string {
    return `shopee-token:${this.settings.partnerId}:${this.settings.shopId}`;
  }
}

/** Shopee's `error` field as a TradeError: transient, auth (refresh and retry) or rejected. */
export function shopeeError(text: string, what: string): TradeError | undefined {
  const answer = peekJson(text);
  if (!isObject(answer))
    return new TradeError('transient', `${what}: answer is not JSON`, { stage: 'receive' });
  const name = textAt(answer, 'error');
  if (!name) return undefined;
  const message = `${what}: ${name} ${textAt(answer, 'message') ?? ''}`.trimEnd();
  if (TRANSIENT_ERRORS.test(name))
    return new TradeError('transient', message, { stage: 'receive', code: name });
  if (AUTH_ERRORS.test(name))
    return new TradeError('config', message, { stage: 'receive', code: 'auth' });
  return new TradeError('rejected', message, { stage: 'receive', code: name });
}
