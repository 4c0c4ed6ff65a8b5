import type { TradeError } from '../../../core/errors/trade-error';
import type { HttpSettings } from './http-settings.schema';

/**
 * Exponential back-off with full jitter (a random wait between 0 and base * 2^attempt, capped):
 * many clients failing together do not come back together.
 */
export function backoffMs(
  attempt: number,
  settings: Pick<HttpSettings, 'retryBaseMs' | 'retryMaxMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export type RetryDecision = { retry: true; waitMs: number } | { retry: false };

/**
 * Whether a failed call is tried again in-call, and after how long. Only transient failures
 * are; a Retry-After the partner sent is honoured when within the bound, and a longer one
 * ends the call (the caller comes back later rather than hold a worker for minutes).
 */
export function retryDecision(
  error: TradeError,
  attempt: number,
  settings: HttpSettings,
  random?: () => number,
): RetryDecision {
  if (!error.retryable || attempt >= settings.retries) return { retry: false };
  const retryAfter = error.retryAfterMs;
  if (retryAfter !== undefined) {
    return retryAfter <= settings.maxRetryAfterSeconds * 1000
      ? { retry: true, waitMs: retryAfter }
      : { retry: false };
  }
  return { retry: true, waitMs: backoffMs(attempt, settings, random) };
}
