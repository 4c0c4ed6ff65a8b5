import { TradeError } from '../errors/trade-error';
import { atLeastAsked, backoffMs, retryDecision, type BackoffPolicy } from './backoff';

describe('back-off', () => {
  const policy: BackoffPolicy = {
    baseMs: 100,
    maxMs: 1000,
    maxRetryAfterMs: 30_000,
    beyondBound: 'give-up',
  };
  const transient = new TradeError('transient', 'HTTP 503');
  const asked = (ms: number) => new TradeError('transient', 'HTTP 429', { retryAfterMs: ms });

  it('doubles per failure up to the cap, keeping half and jittering the other half', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((f) => backoffMs(f, policy, top))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect([1, 2, 5].map((f) => backoffMs(f, policy, () => 0))).toEqual([50, 100, 500]);
  });

  it('retries transient failures only, as often as allowed', () => {
    expect(retryDecision(transient, 1, 2, policy, () => 0.5)).toEqual({ retry: true, waitMs: 75 });
    expect(retryDecision(transient, 3, 2, policy)).toEqual({ retry: false });
    expect(retryDecision(new TradeError('rejected', 'HTTP 400'), 1, 2, policy)).toEqual({
      retry: false,
    });
  });

  it('waits what Retry-After asks within the bound; beyond it gives up or caps', () => {
    expect(retryDecision(asked(2000), 1, 2, policy)).toEqual({ retry: true, waitMs: 2000 });
    expect(retryDecision(asked(31_000), 1, 2, policy)).toEqual({ retry: false });
    expect(retryDecision(asked(31_000), 1, 2, { ...policy, beyondBound: 'cap' })).toEqual({
      retry: true,
      waitMs: 30_000,
    });
  });

  it('never waits less than the partner asked for, within the bound', () => {
    expect(atLeastAsked(500, asked(2000), policy)).toBe(2000);
    expect(atLeastAsked(5000, asked(2000), policy)).toBe(5000);
    expect(atLeastAsked(500, asked(90_000), policy)).toBe(30_000);
    expect(atLeastAsked(500, new Error('x'), policy)).toBe(500);
  });
});
