import { tradeErrorOf } from '../../core/errors/trade-error.testing';
import { createHmac } from 'node:crypto';
import { secretKey, signNotification, verifyNotification } from './notification-signature';

describe('DCSA Notification-Signature', () => {
  const secret = Buffer.from('a-subscription-secret-of-32-bytes').toString('base64');
  const key = secretKey(secret, 'base64');
  const body = Buffer.from('[{"eventID":"e1"}]\n');

  it('is sha256=<hex HMAC-SHA256 of the raw body>, keyed with the decoded secret', () => {
    const hex = createHmac('sha256', 'a-subscription-secret-of-32-bytes')
      .update(body)
      .digest('hex');
    expect(signNotification(key, body)).toBe(`sha256=${hex}`);
    expect(() => verifyNotification(` sha256=${hex.toUpperCase()} `, body, [key])).not.toThrow();
  });

  it('accepts the previous secret during a rotation and refuses everything else', () => {
    const old = secretKey('old-secret', 'utf8');
    expect(() => verifyNotification(signNotification(old, body), body, [key, old])).not.toThrow();
    const signature = signNotification(key, body);
    expect(tradeErrorOf(() => verifyNotification(signature, Buffer.from('[]'), [key])).code).toBe(
      'bad-signature',
    );
    expect(tradeErrorOf(() => verifyNotification(undefined, body, [key])).code).toBe('unsigned');
    expect(tradeErrorOf(() => verifyNotification('sha512=abcd', body, [key])).code).toBe(
      'unsupported-signature',
    );
  });
});
