import { createHmac, timingSafeEqual } from 'node:crypto';
import { TradeError } from '../../../core/errors/trade-error';

/**
 * Generic partner webhooks are signed as `X-TradeHub-Signature: sha256=<hex>` over
 * `<X-TradeHub-Timestamp>.<raw body>`; the timestamp bounds replays of a captured request.
 */
export function signWebhook(secret: string, timestamp: string, body: Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `sha256=${mac}`;
}

export function verifyWebhook(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: Buffer,
  maxSkewSeconds: number,
  now = Date.now(),
): void {
  if (!headers.signature || !headers.timestamp) {
    throw new TradeError('rejected', 'missing X-TradeHub-Signature or X-TradeHub-Timestamp', {
      stage: 'receive',
      code: 'unsigned',
    });
  }
  const sentAt = Number(headers.timestamp) * 1000;
  if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > maxSkewSeconds * 1000) {
    throw new TradeError('rejected', 'signature timestamp outside the allowed window (replay?)', {
      stage: 'receive',
      code: 'stale',
    });
  }
  const expected = Buffer.from(signWebhook(secret, headers.timestamp, body));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new TradeError('rejected', 'signature does not match the body', {
      stage: 'receive',
      code: 'bad-signature',
    });
  }
}
