import { afterFailure } from './poll-schedule';
import { nextTick } from './poll.service';

describe('the logged next try after a failed poll', () => {
  it('is the first repeatable tick not before the back-off ends, not the end itself', () => {
    const interval = 60_000;
    // A tick at 12:00:00 polled and failed 150 ms later: the back-off ends at 12:01:00.150, so
    // the 12:01 tick is skipped and 12:02 is the next poll.
    const tick = Date.parse('2025-06-12T12:00:00Z');
    // The most the jittered back-off waits after a first failure: the whole interval.
    const backoff = afterFailure(
      { failures: 0, untilMs: 0 },
      interval,
      tick + 150,
      undefined,
      () => 0.999999,
    );
    expect(nextTick(backoff.untilMs, interval)).toBe('2025-06-12T12:02:00.000Z');
  });
});
