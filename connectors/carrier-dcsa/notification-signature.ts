import { createHmac, timingSafeEqual } from 'node:crypto';
import { TradeError } from '../../core/errors/trade-error';

/** The HMAC key of a subscription secret: DCSA sends the secret Base64-encoded (format: byte). */
export function secretKey(secret: string, encoding: 'base64' | 'utf8'): Buffer {
  return encoding === 'base64' ? Buffer.from(secret, 'base64') : Buffer.from(secret, 'utf8');
}

/** `sha256=<hex>`: HMAC-SHA256 over the whole raw body, no header or URL included. */
export function signNotification(key: Buffer, body: Buffer): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
}

/**
 * Checks `Notification-Signature: <type>=<hex>` against any of the keys (current secret and,
 * during a rotation, the previous one). Only `sha256` is defined by DCSA T&T 2.2.
 */
export function verifyNotification(header: string | undefined, body: Buffer, keys: Buffer[]): void {
  const refuse = (code: string, message: string) =>
    new TradeError('rejected', message, { stage: 'receive', code });
  const match = header?.trim().match(/^([a-zA-Z0-9-_+]+)=([0-9a-fA-F]+)$/);
  if (!match) throw refuse('unsigned', 'missing or malformed Notification-Signature');
  if (match[1].toLowerCase() !== 'sha256')
    throw refuse('unsupported-signature', `signature type ${match[1]} is not supported`);
  const given = Buffer.from(match[2].toLowerCase(), 'hex');
  const ok = keys.some((key) => {
    const expected = createHmac('sha256', key).update(body).digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!ok) throw refuse('bad-signature', 'Notification-Signature does not match the body');
}
