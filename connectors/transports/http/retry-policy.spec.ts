import { TradeError } from '../../../core/errors/trade-error';
import { HttpSettingsSchema } from './http-settings.schema';
import { backoffMs, retryDecision } from './retry-policy';

describe('retry policy', () => {
  const settings = HttpSettingsSchema.parse({ retries: 2, retryBaseMs: 100, retryMaxMs: 1000 });
  const transient = new TradeError('transient', 'HTTP 503');

  it('grows the jitter ceiling exponentially up to the cap', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffMs(a, settings, top))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffMs(3, settings, () => 0)).toBe(0);
  });

  it('retries transient failures only, as often as allowed', () => {
    expect(retryDecision(transient, 0, settings, () => 0.5)).toEqual({
      retry: true,
      waitMs: 50,
    });
    expect(retryDecision(transient, 2, settings)).toEqual({ retry: false });
    expect(retryDecision(new TradeError('rejected', 'HTTP 400'), 0, settings)).toEqual({
      retry: false,
    });
  });

  it('waits what Retry-After asks within the bound, and gives up beyond it', () => {
    const asked = (ms: number) => new TradeError('transient', 'HTTP 429', { retryAfterMs: ms });
    expect(retryDecision(asked(2000), 0, settings)).toEqual({ retry: true, waitMs: 2000 });
    expect(retryDecision(asked(31_000), 0, settings)).toEqual({ retry: false });
  });
});
