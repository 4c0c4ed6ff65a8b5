import axios, { type AxiosInstance } from 'axios';
import { TradeError } from '../../core/errors/trade-error';
import { classifyHttpError } from '../transports/http/classify-http-error';
import { isObject, peekJson, textAt } from '../transports/http/json-peek';
import { PartnerHttpClient, type PartnerResponse } from '../transports/http/partner-http.client';
import type { AmazonSpApiSettings } from './amazon-settings.schema';

export interface SpApiClientOptions {
  http?: AxiosInstance;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

interface LwaToken {
  accessToken: string;
  expiresAt: number;
}

/** Renew the LWA token this long before its hour is up. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * A per-operation token bucket with SP-API's published rate and burst (getOrders 0.0167/s,
 * burst 20). Taking from an empty bucket says how long to wait instead of waiting: a poll
 * round ends there and comes back, it does not hold a worker for a minute.
 */
export class RateBucket {
  private tokens: number;
  private at: number;

  constructor(
    private ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  /** 0 when a call may go now (and takes its token), else the milliseconds to wait. */
  take(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.ratePerSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  /** Amazon states the operation's current rate in x-amzn-RateLimit-Limit: follow it. */
  follow(headerValue: string | undefined): void {
    const rate = Number(headerValue);
    if (Number.isFinite(rate) && rate > 0) this.ratePerSecond = rate;
  }

  /** A 429 means Amazon's bucket is empty, whatever ours says. */
  drain(): void {
    this.tokens = 0;
  }
}

/**
 * Selling Partner API calls for one seller: a Login with Amazon access token from the refresh
 * token (renewed before expiry and once on a 401/403), `x-amz-access-token` on every call,
 * transient failures retried in-call with back-off (PartnerHttpClient), 429s drain the bucket.
 */
export class SpApiClient {
  private readonly http: PartnerHttpClient;
  private readonly axios: AxiosInstance;
  private readonly now: () => number;
  private token?: LwaToken;
  readonly ordersBucket: RateBucket;

  constructor(
    private readonly settings: AmazonSpApiSettings,
    options: SpApiClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.axios = options.http ?? axios.create();
    this.http = new PartnerHttpClient(
      {
        baseUrl: settings.endpoint,
        auth: { type: 'none' },
        http: settings.http,
        headers: {},
        allowedNetworks: [],
      },
      { stage: 'receive', ...options },
    );
    this.ordersBucket = new RateBucket(1 / 60, settings.ordersBurst, this.now);
  }

  async get(path: string, query: Record<string, string | undefined>): Promise<PartnerResponse> {
    for (let renewed = false; ; renewed = true) {
      const headers = { 'x-amz-access-token': await this.accessToken(renewed) };
      try {
        return await this.http.request({ method: 'GET', path, query, headers });
      } catch (err) {
        if (err instanceof TradeError && err.code === '429') this.ordersBucket.drain();
        // An access token Amazon no longer takes: renew once, then let the refusal stand.
        if (err instanceof TradeError && err.kind === 'config' && !renewed) continue;
        throw err;
      }
    }
  }

  async post(path: string, body: unknown): Promise<PartnerResponse> {
    const headers = { 'x-amz-access-token': await this.accessToken(false) };
    return this.http.request({ method: 'POST', path, body: JSON.stringify(body), headers });
  }

  /** When the current LWA access token expires (epoch ms); undefined before the first. */
  get tokenExpiresAt(): number | undefined {
    return this.token?.expiresAt;
  }

  private async accessToken(force: boolean): Promise<string> {
    if (!force && this.token && this.token.expiresAt - TOKEN_MARGIN_MS > this.now())
      return this.token.accessToken;
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.settings.refreshToken,
      client_id: this.settings.clientId,
      client_secret: this.settings.clientSecret,
    });
    let text: string;
    try {
      const response = await this.axios.post<string>(this.settings.tokenUrl, form.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        responseType: 'text',
        transformResponse: (x: unknown) => x,
        timeout: this.settings.http.timeoutMs,
      });
      text = response.data;
    } catch (err) {
      throw classifyHttpError(err, `POST ${this.settings.tokenUrl}`, 'receive');
    }
    const answer = peekJson(text);
    const accessToken = textAt(answer, 'access_token');
    if (!accessToken || !isObject(answer))
      throw new TradeError('transient', 'LWA answered without access_token', { stage: 'receive' });
    this.token = { accessToken, expiresAt: this.now() + Number(answer.expires_in ?? 3600) * 1000 };
    return accessToken;
  }
}
