import type { TradeError } from '../errors/trade-error';

/**
 * How one caller backs off after transient failures. Every retry loop of the gateway (an HTTP
 * call's in-call retries, a delivery job's attempts, a poll target's rounds) uses this one rule
 * with its own figures, so they cannot drift apart again.
 */
export interface BackoffPolicy {
  /** Wait after the first failure (before jitter). */
  baseMs: number;
  /** Ceiling of the exponential growth. */
  maxMs: number;
  /** The longest Retry-After a partner is believed; see `retryAfter`. */
  maxRetryAfterMs: number;
  /**
   * What a Retry-After above the bound does: 'give-up' ends this loop (an in-call retry that
   * must not hold a worker for minutes), 'cap' waits the bound (a queued job).
   */
  beyondBound: 'give-up' | 'cap';
}

/**
 * Exponential back-off with "equal jitter": half the exponential wait is kept and the other
 * half is random. Failing clients never come back together, and none comes back at once.
 */
export function backoffMs(
  failures: number,
  policy: Pick<BackoffPolicy, 'baseMs' | 'maxMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export type RetryDecision = { retry: true; waitMs: number } | { retry: false };

/**
 * Whether a failure is tried again after `failures` failed attempts (at most `retries` more),
 * and after how long: only transient failures are; a Retry-After the partner sent is honoured
 * within the bound, beyond it the policy's `beyondBound` decides; otherwise `backoffMs`.
 */
export function retryDecision(
  error: Pick<TradeError, 'retryable' | 'retryAfterMs'>,
  failures: number,
  retries: number,
  policy: BackoffPolicy,
  random?: () => number,
): RetryDecision {
  if (!error.retryable || failures > retries) return { retry: false };
  const asked = error.retryAfterMs;
  if (asked === undefined) return { retry: true, waitMs: backoffMs(failures, policy, random) };
  if (asked <= policy.maxRetryAfterMs) return { retry: true, waitMs: asked };
  return policy.beyondBound === 'cap'
    ? { retry: true, waitMs: policy.maxRetryAfterMs }
    : { retry: false };
}

/** A wait that is at least what the partner asked for (Retry-After, an open circuit). */
export function atLeastAsked(waitMs: number, error: unknown, policy: BackoffPolicy): number {
  const asked = (error as Partial<TradeError> | undefined)?.retryAfterMs;
  if (typeof asked !== 'number') return waitMs;
  return Math.max(waitMs, Math.min(asked, policy.maxRetryAfterMs));
}
