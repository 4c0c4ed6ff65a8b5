import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../core/config/config';
import type { ApiKeyAuthenticator } from '../auth/api-key.authenticator';
import { presentedKey } from '../auth/api-key.guard';

/** Fastify options that bound what one client may hold: trusted proxies and timeouts. */
export function fastifyOptions(config: AppConfig) {
  const { http } = config;
  // Node refuses a request timeout shorter than the headers timeout.
  const requestTimeout = Math.max(http.requestTimeoutMs, http.headersTimeoutMs);
  return {
    bodyLimit: http.inboundMaxBytes,
    // Only a configured proxy may set the recorded remote address with X-Forwarded-For.
    trustProxy: http.trustProxy.length > 0 ? http.trustProxy : false,
    // The whole request, body included, within this time (fastify's default is none).
    requestTimeout,
    connectionTimeout: requestTimeout,
    http: {
      headersTimeout: http.headersTimeoutMs,
      requestTimeout,
      // Node checks both timeouts on this beat (30 s by default, longer than a short timeout).
      connectionsCheckingInterval: Math.min(1000, http.headersTimeoutMs),
    },
  };
}

/**
 * What the server object itself bounds: the number of open connections. Answers carry no-sniff and no-store: many carry raw partner payloads,
 * which a browser must neither sniff into HTML nor keep in a cache.
 */
export function hardenServer(fastify: FastifyInstance, config: AppConfig): void {
  fastify.server.maxConnections = config.http.maxConnections;
  fastify.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * Rate-limits API key guessing per remote address: every request that presents a key not
 * known to be valid counts; requests without a key (partners' webhooks, health, metrics) and
 * requests with a valid key seen lately do not. Past the budget the answer is 429.
 */
export async function limitAuthFailures(
  fastify: FastifyInstance,
  config: AppConfig,
  authenticator: ApiKeyAuthenticator,
  onLimited: (request: FastifyRequest) => void,
): Promise<void> {
  await fastify.register(rateLimit, {
    global: true,
    max: config.http.authFailuresPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    allowList: (request) => {
      const key = presentedKey(request);
      return !key || request.url.startsWith('/inbound/') || authenticator.isKnownValid(key);
    },
    onExceeded: (request) => onLimited(request),
    // Thrown, so the JSON error filter answers it like every other error.
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'too-many-requests',
      message: `too many failed authentications from this address; retry in ${context.after}`,
    }),
  });
}
