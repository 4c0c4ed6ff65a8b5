import type { AxiosInstance } from 'axios';
import { TradeError, type Stage } from '../../../core/errors/trade-error';
import { classifyHttpError } from './classify-http-error';
import type { AuthSettings, HttpSettings } from './http-settings.schema';
import { checkOutboundUrl, guardedRequestOptions } from './outbound-policy';

type OAuth2 = Extract<AuthSettings, { type: 'oauth2-client-credentials' }>;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

// Renew a little before the partner's expiry, so a token does not die in flight.
const EARLY_MS = 30_000;
const DEFAULT_LIFETIME_S = 300;

/**
 * Client-credentials tokens, one per token URL + client + scope, shared by every call of the
 * process; concurrent callers wait for the same token request.
 */
export class OAuth2TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();

  constructor(private readonly now: () => number = Date.now) {}

  async token(auth: OAuth2, http: AxiosInstance, settings: HttpSettings, stage: Stage) {
    const key = keyOf(auth);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - EARLY_MS > this.now()) return cached.accessToken;
    let request = this.pending.get(key);
    if (!request) {
      request = this.fetch(auth, http, settings, stage).finally(() => this.pending.delete(key));
      this.pending.set(key, request);
    }
    const fresh = await request;
    this.tokens.set(key, fresh);
    return fresh.accessToken;
  }

  /** Forgets a token the partner refused (401), so the next call fetches a new one. */
  invalidate(auth: OAuth2): void {
    this.tokens.delete(keyOf(auth));
  }

  private async fetch(
    auth: OAuth2,
    http: AxiosInstance,
    settings: HttpSettings,
    stage: Stage,
  ): Promise<CachedToken> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) form.set('scope', auth.scope);
    if (auth.audience) form.set('audience', auth.audience);
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (auth.clientAuth === 'basic') {
      // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
      const id = encodeURIComponent(auth.clientId);
      const secret = encodeURIComponent(auth.clientSecret);
      headers.authorization = `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    } else {
      form.set('client_id', auth.clientId);
      form.set('client_secret', auth.clientSecret);
    }
    try {
      checkOutboundUrl(auth.tokenUrl, [], stage);
      const response = await http.post<{ access_token?: string; expires_in?: number }>(
        auth.tokenUrl,
        form.toString(),
        { ...guardedRequestOptions(), headers, timeout: settings.timeoutMs, maxRedirects: 0 },
      );
      const accessToken = response.data?.access_token;
      if (!accessToken)
        throw new TradeError('config', `token ${auth.tokenUrl}: answer has no access_token`, {
          stage,
        });
      const lifetime = Number(response.data.expires_in ?? DEFAULT_LIFETIME_S);
      return { accessToken, expiresAt: this.now() + lifetime * 1000 };
    } catch (err) {
      throw classifyHttpError(err, `token ${auth.tokenUrl}`, stage);
    }
  }
}

function keyOf(auth: OAuth2): string {
  return [auth.tokenUrl, auth.clientId, auth.scope ?? '', auth.audience ?? ''].join('|');
}

/** The process-wide cache the partner clients share. */
export const sharedTokenCache = new OAuth2TokenCache();
