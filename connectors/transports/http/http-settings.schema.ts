import { z } from 'zod';

/**
 * How a partner API call behaves: timeout, transient-failure retries inside one call (with
 * exponential back-off and full jitter), and the longest Retry-After we wait for in-call;
 * a longer one ends the call as transient, for the job or poll round to come back later.
 */
export const HttpSettingsSchema = z.object({
  timeoutMs: z.number().int().positive().default(15000),
  retries: z.number().int().min(0).max(10).default(2),
  retryBaseMs: z.number().int().positive().default(250),
  retryMaxMs: z.number().int().positive().default(5000),
  maxRetryAfterSeconds: z.number().int().min(0).default(30),
});
export type HttpSettings = z.infer<typeof HttpSettingsSchema>;

/**
 * 4PX-style signed query (recipe in connectors/warehouse-rest/README.md): `app_key`, `format`,
 * `method`, `timestamp`, `v` and `sign` in the query string, `sign` over the sorted
 * parameters, the raw body and the app secret.
 */
export const SignedQueryAuthSchema = z.object({
  type: z.literal('signed-query'),
  appKey: z.string().min(1),
  appSecret: z.string().min(8),
  /** md5: MD5(params + body + secret); hmac-sha256: HMAC-SHA256(secret, params + body). */
  algorithm: z.enum(['md5', 'hmac-sha256']).default('md5'),
  format: z.string().default('json'),
  version: z.string().default('1.0'),
});
export type SignedQueryAuth = z.infer<typeof SignedQueryAuthSchema>;

/** Partner API credentials. Secret fields are named so core/security/redact.ts seals them. */
export const AuthSettingsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  /** A static token sent as `Authorization: Bearer <token>` (ShipBob personal access token). */
  z.object({ type: z.literal('bearer'), token: z.string().min(1) }),
  /** OAuth2 client credentials (RFC 6749 §4.4); the token is cached and renewed on 401. */
  z.object({
    type: z.literal('oauth2-client-credentials'),
    tokenUrl: z.url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    scope: z.string().optional(),
    audience: z.string().optional(),
    /** basic: HTTP Basic client authentication (RFC 6749 §2.3.1); body: form fields. */
    clientAuth: z.enum(['basic', 'body']).default('basic'),
  }),
  /** A key in a request header. */
  z.object({
    type: z.literal('api-key'),
    header: z.string().min(1).default('x-api-key'),
    apiKey: z.string().min(1),
  }),
  SignedQueryAuthSchema,
]);
export type AuthSettings = z.infer<typeof AuthSettingsSchema>;

/** Base URL, credentials and call behaviour: what every partner API transport has. */
export const PartnerApiSettingsSchema = z.object({
  baseUrl: z.url(),
  auth: AuthSettingsSchema.default({ type: 'none' }),
  http: HttpSettingsSchema.default(HttpSettingsSchema.parse({})),
  /** Extra headers sent on every call (e.g. `API-Version`). */
  headers: z.record(z.string(), z.string()).default({}),
  /** Private networks (CIDRs) this partner may be reached in (an in-house ERP); none by default. */
  allowedNetworks: z.array(z.string()).default([]),
  /** For polled APIs: seconds between polls (the poll schedule's default when absent). */
  pollIntervalSec: z.coerce.number().int().positive().optional(),
});
export type PartnerApiSettings = z.infer<typeof PartnerApiSettingsSchema>;
