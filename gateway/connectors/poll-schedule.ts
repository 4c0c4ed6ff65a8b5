import type { InboundPoller } from '../../core/connector/contract';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import { atLeastAsked, backoffMs, type BackoffPolicy } from '../../core/resilience';

/** One partner transport that a registered poller serves. */
export interface PollTarget {
  partnerId: string;
  kind: string;
  /** Position in the partner's transports (a partner may have two SFTP servers). */
  index: number;
  intervalMs: number;
}

export const DEFAULT_POLL_INTERVAL_SEC = 60;
const MAX_BACKOFF_MS = 15 * 60_000;

/** Lock, job and state name of a target. */
export function targetName(t: Pick<PollTarget, 'partnerId' | 'kind' | 'index'>): string {
  return `${t.partnerId}/${t.kind}/${t.index}`;
}

/** Every inbound transport of an enabled partner whose kind has a poller. */
export function pollTargets(
  partners: readonly PartnerRecord[],
  pollers: ReadonlyMap<string, InboundPoller>,
): PollTarget[] {
  return partners
    .filter((p) => p.enabled)
    .flatMap((p) =>
      p.transports.flatMap((t, index) => {
        if (!pollers.has(t.kind) || t.direction === 'out') return [];
        const seconds = Number(t.pollIntervalSec) || DEFAULT_POLL_INTERVAL_SEC;
        return [{ partnerId: p.id, kind: t.kind, index, intervalMs: Math.max(1, seconds) * 1000 }];
      }),
    );
}

/** Consecutive failures and the time before which the target is not polled. */
export interface Backoff {
  failures: number;
  untilMs: number;
}

export function readBackoff(value: string | undefined): Backoff {
  const parsed = value ? (JSON.parse(value) as Partial<Backoff>) : {};
  return { failures: Number(parsed.failures) || 0, untilMs: Number(parsed.untilMs) || 0 };
}

/**
 * After a failed poll the target waits about its interval times 2^(failures-1) (core/resilience
 * jitter), at most 15 minutes or one interval when that is longer, and at least what the partner
 * asked for (Retry-After, an open circuit): an unreachable server is not hammered, and a fixed
 * one is back within minutes.
 */
export function afterFailure(
  previous: Backoff,
  intervalMs: number,
  nowMs: number,
  error?: unknown,
  random?: () => number,
): Backoff {
  const failures = previous.failures + 1;
  const maxMs = Math.max(MAX_BACKOFF_MS, intervalMs);
  const policy: BackoffPolicy = {
    baseMs: intervalMs,
    maxMs,
    maxRetryAfterMs: maxMs,
    beyondBound: 'cap',
  };
  return {
    failures,
    untilMs: nowMs + atLeastAsked(backoffMs(failures, policy, random), error, policy),
  };
}
