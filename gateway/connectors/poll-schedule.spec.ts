import { TradeError } from '../../core/errors/trade-error';
import { afterFailure, readBackoff } from './poll-schedule';

describe('poll back-off', () => {
  const minute = 60_000;
  const top = () => 1;

  it('doubles the interval per failure up to 15 minutes, or one interval when longer', () => {
    let backoff = readBackoff(undefined);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      backoff = afterFailure(backoff, minute, 0, undefined, top);
      waits.push(backoff.untilMs / minute);
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
    expect(afterFailure({ failures: 5, untilMs: 0 }, 30 * minute, 0, undefined, top).untilMs).toBe(
      30 * minute,
    );
  });

  it('waits at least what the partner or an open circuit asked for', () => {
    const open = new TradeError('transient', 'circuit open', { retryAfterMs: 5 * minute });
    expect(afterFailure({ failures: 0, untilMs: 0 }, minute, 1000, open, top).untilMs).toBe(
      1000 + 5 * minute,
    );
  });

  it('reads a stored back-off, tolerating an empty one', () => {
    expect(readBackoff('{"failures":2,"untilMs":99}')).toEqual({ failures: 2, untilMs: 99 });
    expect(readBackoff('{}')).toEqual({ failures: 0, untilMs: 0 });
  });
});
