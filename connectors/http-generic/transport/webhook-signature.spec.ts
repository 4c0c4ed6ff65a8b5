import { TradeError } from '../../../core/errors/trade-error';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('generic webhook signature', () => {
  const secret = 'a-long-enough-shared-secret';
  const body = Buffer.from('{"orderNo":"SO-1"}');
  const now = 1_790_000_000_000;
  const timestamp = String(now / 1000);

  const codeOf = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      return (err as TradeError).code;
    }
    return 'accepted';
  };

  it('accepts a fresh, correctly signed body', () => {
    expect(
      codeOf(() =>
        verifyWebhook(
          secret,
          { signature: signWebhook(secret, timestamp, body), timestamp },
          body,
          300,
          now,
        ),
      ),
    ).toBe('accepted');
  });

  it('refuses a changed body, an old timestamp and a missing signature', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(
      codeOf(() =>
        verifyWebhook(
          secret,
          { signature, timestamp },
          Buffer.from('{"orderNo":"SO-2"}'),
          300,
          now,
        ),
      ),
    ).toBe('bad-signature');
    expect(
      codeOf(() => verifyWebhook(secret, { signature, timestamp }, body, 300, now + 301_000)),
    ).toBe('stale');
    expect(codeOf(() => verifyWebhook(secret, { timestamp }, body, 300, now))).toBe('unsigned');
  });
});
