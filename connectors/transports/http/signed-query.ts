import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { TradeError } from '../../../core/errors/trade-error';
import type { SignedQueryAuth } from './http-settings.schema';

type Signing = Pick<SignedQueryAuth, 'appSecret' | 'algorithm'>;

/**
 * The 4PX-style sign: every query parameter but `sign`, sorted by name (byte order), written
 * as name + value with no separators, then the raw body as sent, then (md5) the app secret;
 * lowercase hex MD5 of that, or HMAC-SHA256 keyed with the secret over the same text without
 * the secret appended.
 */
export function signQuery(params: Record<string, string>, body: string, signing: Signing): string {
  const text =
    Object.keys(params)
      .filter((name) => name !== 'sign')
      .sort()
      .map((name) => `${name}${params[name]}`)
      .join('') + body;
  return signing.algorithm === 'hmac-sha256'
    ? createHmac('sha256', signing.appSecret).update(text, 'utf8').digest('hex')
    : createHash('md5')
        .update(text + signing.appSecret, 'utf8')
        .digest('hex');
}

/** The query of one signed call: its own parameters, the common ones for `method`, the sign. */
export function signedQuery(
  method: string,
  body: string,
  auth: SignedQueryAuth,
  now: number = Date.now(),
  extra: Record<string, string> = {},
): Record<string, string> {
  const params: Record<string, string> = {
    ...extra,
    app_key: auth.appKey,
    format: auth.format,
    method,
    timestamp: String(now),
    v: auth.version,
  };
  return { ...params, sign: signQuery(params, body, auth) };
}

/**
 * Checks a signed push from the partner: the app key, a timestamp inside the window (a
 * captured request cannot be replayed later), and the sign. Throws TradeError 'rejected'.
 */
export function verifySignedQuery(
  params: Record<string, string>,
  body: string,
  auth: Pick<SignedQueryAuth, 'appKey' | 'appSecret' | 'algorithm'>,
  maxSkewSeconds: number,
  now: number = Date.now(),
): void {
  const refuse = (code: string, message: string) =>
    new TradeError('rejected', message, { stage: 'receive', code });
  if (!params.sign || !params.timestamp) throw refuse('unsigned', 'missing sign or timestamp');
  if (params.app_key !== auth.appKey) throw refuse('unknown-key', 'app_key does not match');
  const sentAt = Number(params.timestamp);
  if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > maxSkewSeconds * 1000)
    throw refuse('stale', 'timestamp outside the allowed window (replay?)');
  const expected = Buffer.from(signQuery(params, body, auth));
  const given = Buffer.from(params.sign.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw refuse('bad-signature', 'sign does not match the request');
}
