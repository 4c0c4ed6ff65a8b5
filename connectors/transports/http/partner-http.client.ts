import axios, { isAxiosError, type AxiosInstance, type Method } from 'axios';
import type { Stage } from '../../../core/errors/trade-error';
import {
  partnerCircuits,
  retryDecision,
  type BackoffPolicy,
  type CircuitBreakers,
} from '../../../core/resilience';
import { classifyHttpError } from './classify-http-error';
import { checkOutboundUrl, guardedRequestOptions } from './outbound-policy';
import type { HttpSettings, PartnerApiSettings } from './http-settings.schema';
import { sharedTokenCache, type OAuth2TokenCache } from './oauth2-token.cache';
import { signedQuery } from './signed-query';

export interface PartnerRequest {
  method: Extract<Method, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  /** Appended to the base URL ('/events'); empty for a single-endpoint API. */
  path?: string;
  query?: Record<string, string | undefined>;
  body?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
  /** The API method a signed-query partner dispatches on (`fu.wms.inbound.create`). */
  apiMethod?: string;
  /** Non-2xx statuses handed back as answers instead of thrown (a 404 a poller expects). */
  accept?: number[];
}

export interface PartnerResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
  url: string;
}

export interface PartnerHttpOptions {
  /** 'receive' for pollers, 'deliver' for outbound transports (where errors are recorded). */
  stage?: Stage;
  http?: AxiosInstance;
  tokens?: OAuth2TokenCache;
  /** The per-endpoint circuit breakers (the process-wide ones unless a test brings its own). */
  circuits?: CircuitBreakers;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

const defaultHttp = axios.create();

/**
 * One partner API: base URL, credentials, timeouts, in-call retries of transient failures
 * (core/resilience: Retry-After honoured up to a bound, else exponential back-off with jitter),
 * a circuit breaker per endpoint (an open one fails at once, so the job or poll round pauses),
 * one token renewal on a 401 for OAuth2, and every failure as a TradeError
 * (transient/config/rejected).
 */
export class PartnerHttpClient {
  private readonly http: AxiosInstance;
  private readonly tokens: OAuth2TokenCache;
  private readonly stage: Stage;

  constructor(
    private readonly settings: PartnerApiSettings,
    private readonly options: PartnerHttpOptions = {},
  ) {
    this.http = options.http ?? defaultHttp;
    this.tokens = options.tokens ?? sharedTokenCache;
    this.stage = options.stage ?? 'deliver';
  }

  async request(request: PartnerRequest): Promise<PartnerResponse> {
    const circuits = this.options.circuits ?? partnerCircuits;
    return circuits.run(this.settings.baseUrl, this.stage, () => this.withRetries(request));
  }

  private async withRetries(request: PartnerRequest): Promise<PartnerResponse> {
    const what = `${request.method} ${joinUrl(this.settings.baseUrl, request.path)}`;
    const auth = this.settings.auth;
    let renewed = false;
    for (let attempt = 0; ;) {
      try {
        return await this.once(request);
      } catch (err) {
        if (unauthorized(err) && auth.type === 'oauth2-client-credentials' && !renewed) {
          // An expired or revoked token: fetch a new one once, then let a 401 stand.
          this.tokens.invalidate(auth);
          renewed = true;
          continue;
        }
        const error = classifyHttpError(err, what, this.stage);
        attempt++;
        const { retries } = this.settings.http;
        const policy = inCallBackoff(this.settings.http);
        const decision = retryDecision(error, attempt, retries, policy, this.options.random);
        if (!decision.retry) throw error;
        await (this.options.sleep ?? sleep)(decision.waitMs);
      }
    }
  }

  private async once(request: PartnerRequest): Promise<PartnerResponse> {
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const url = new URL(joinUrl(this.settings.baseUrl, request.path));
    const query = Object.fromEntries(
      Object.entries(request.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.settings.headers,
      ...request.headers,
    };
    if (body) headers['content-type'] = request.contentType ?? 'application/json';
    Object.assign(query, await this.authorize(request, body, headers, query));
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const accepted = new Set(request.accept ?? []);
    checkOutboundUrl(url.toString(), this.settings.allowedNetworks, this.stage);
    const response = await this.http.request<string>({
      ...guardedRequestOptions(this.settings.allowedNetworks),
      url: url.toString(),
      method: request.method,
      data: body,
      headers,
      timeout: this.settings.http.timeoutMs,
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: (x: unknown) => x,
      validateStatus: (s) => (s >= 200 && s < 300) || accepted.has(s),
    });
    return {
      status: response.status,
      headers: lowerHeaders(response.headers),
      text: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
      url: url.toString(),
    };
  }

  /** Sets the credential headers; returns query parameters to add (signed-query). */
  private async authorize(
    request: PartnerRequest,
    body: Buffer | undefined,
    headers: Record<string, string>,
    query: Record<string, string>,
  ): Promise<Record<string, string>> {
    const auth = this.settings.auth;
    switch (auth.type) {
      case 'none':
        return {};
      case 'bearer':
        headers.authorization = `Bearer ${auth.token}`;
        return {};
      case 'api-key':
        headers[auth.header.toLowerCase()] = auth.apiKey;
        return {};
      case 'oauth2-client-credentials':
        headers.authorization = `Bearer ${await this.tokens.token(auth, this.http, this.settings.http, this.stage)}`;
        return {};
      case 'signed-query':
        return signedQuery(
          request.apiMethod ?? '',
          body?.toString('utf8') ?? '',
          auth,
          (this.options.now ?? Date.now)(),
          query,
        );
    }
  }
}

/** In-call retries give up on a Retry-After beyond the bound: the job or poll comes back later. */
function inCallBackoff(http: HttpSettings): BackoffPolicy {
  return {
    baseMs: http.retryBaseMs,
    maxMs: http.retryMaxMs,
    maxRetryAfterMs: http.maxRetryAfterSeconds * 1000,
    beyondBound: 'give-up',
  };
}

/** `base` + `path` with exactly one slash between; an empty path is the base itself. */
export function joinUrl(base: string, path: string | undefined): string {
  if (!path) return base;
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function unauthorized(err: unknown): boolean {
  return isAxiosError(err) && err.response?.status === 401;
}

function lowerHeaders(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (typeof value === 'string' || typeof value === 'number')
      out[name.toLowerCase()] = String(value);
    else if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String).join(', ');
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
