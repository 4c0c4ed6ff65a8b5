import { createHmac, timingSafeEqual } from 'node:crypto';

/** hex(HMAC-SHA256(partner_key, text)): Shopee signs API calls and pushes this way (primer §10.1). */
export function shopeeHmac(partnerKey: string, text: string | Buffer): string {
  return createHmac('sha256', partnerKey).update(text).digest('hex');
}

/**
 * The base string of an Open Platform v2 call: `partner_id + path + timestamp`, then
 * `access_token + shop_id` for shop APIs. Public APIs (token refresh) stop after the timestamp.
 */
export function apiBaseString(
  partnerId: number,
  path: string,
  timestamp: number,
  shop?: { accessToken: string; shopId: number },
): string {
  const base = `${partnerId}${path}${timestamp}`;
  return shop ? `${base}${shop.accessToken}${shop.shopId}` : base;
}

/**
 * A push is signed over `callbackUrl + "|" + raw body`: the bytes as received, since a
 * re-serialised body signs differently.
 */
export function pushSignature(partnerKey: string, callbackUrl: string, rawBody: Buffer): string {
  return shopeeHmac(partnerKey, Buffer.concat([Buffer.from(`${callbackUrl}|`), rawBody]));
}

/** Constant-time comparison of two hex signatures (lengths differ only on a malformed one). */
export function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim().toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
