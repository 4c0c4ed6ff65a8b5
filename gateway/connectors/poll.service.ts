import type { Pool } from 'pg';
import type { InboundPoller, IntakePort, PollResult } from '../../core/connector/contract';
import { TradeError } from '../../core/errors/trade-error';
import type { Logger } from '../../core/logging/logger';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import type { MetricsService } from '../operations/metrics.service';
import { withAdvisoryLock } from '../../core/storage/advisory-lock';
import { afterFailure, readBackoff, targetName, type PollTarget } from './poll-schedule';
import { PgPollStateStore } from './poll-state.store';

export type PollOutcome =
  | { outcome: 'polled'; result: PollResult }
  | { outcome: 'failed'; error: TradeError }
  | { outcome: 'locked' | 'backing-off' | 'gone' };

const BACKOFF_KEY = 'backoff';
/** When the target's schedule last ran here, backing off or not (the overdue check reads it). */
export const LAST_RUN_KEY = 'last-run';
/** When the transport last answered a poll (ISO): partner health calls it reachable since. */
export const LAST_OK_KEY = 'last-ok';
/** The transport's last failure, `{ at, kind, code, message }`, kept after it recovers. */
export const LAST_ERROR_KEY = 'last-error';
/** The last poll's outcome, ok or error, with consecutive failures (see LastPoll). */
export const LAST_POLL_KEY = 'last-poll';

/** How the transport's last poll ended; `consecutiveFailures` is 0 after a success. */
export interface LastPoll {
  outcome: 'ok' | 'error';
  at: string;
  consecutiveFailures: number;
  kind?: string;
  code?: string;
  reason?: string;
}
const PRUNE_EVERY_MS = 24 * 3600_000;
const KEEP_STATE_DAYS = 30;

/**
 * Runs one poll of one partner transport: under its advisory lock (a competing process just
 * skips), unless backing off after failures. A failure is logged, counted and backed off,
 * never thrown: an unreachable partner server must not disturb anything else.
 */
export class PollService {
  private readonly pruned = new Map<string, number>();

  constructor(
    private readonly pool: Pool,
    private readonly partners: PartnerRegistry,
    private readonly pollers: ReadonlyMap<string, InboundPoller>,
    private readonly intake: IntakePort,
    private readonly metrics: MetricsService,
    private readonly logger: Logger,
    private readonly signal: AbortSignal,
  ) {}

  /** `now` (an operator's "poll now") polls even while the target backs off after failures. */
  async pollOnce(target: PollTarget, now = false): Promise<PollOutcome> {
    let outcome: PollOutcome;
    try {
      outcome = await this.attempt(target, now);
    } catch (err) {
      // PostgreSQL itself failing: nothing was taken, the next round tries again.
      outcome = { outcome: 'failed', error: TradeError.from(err, 'transient', 'receive') };
      this.logger.warn({ target: targetName(target), err }, 'poll could not run');
    }
    this.metrics.pollOutcome(target.partnerId, target.kind, outcome.outcome);
    if (outcome.outcome === 'polled') this.metrics.polledFiles(target, outcome.result);
    return outcome;
  }

  private async attempt(target: PollTarget, now: boolean): Promise<PollOutcome> {
    const partner = this.partners.find(target.partnerId) ?? (await this.reloaded(target));
    const settings = partner?.enabled ? partner.transports[target.index] : undefined;
    const poller = this.pollers.get(target.kind);
    if (!partner || !settings || settings.kind !== target.kind || !poller)
      return { outcome: 'gone' };
    const name = targetName(target);
    const result = await withAdvisoryLock(
      this.pool,
      `poll:${name}`,
      async (): Promise<PollOutcome> => {
        const state = new PgPollStateStore(this.pool, partner.id, `${target.kind}/${target.index}`);
        await state.set(LAST_RUN_KEY, new Date().toISOString());
        const backoff = readBackoff(await state.get(BACKOFF_KEY));
        if (!now && backoff.untilMs > Date.now()) return { outcome: 'backing-off' };
        try {
          const polled = await poller.poll(partner, settings, {
            intake: this.intake,
            state,
            signal: this.signal,
            log: this.logger.child({ target: name }),
          });
          // A soft failure (transient, the round ended early) is an error for the transport's
          // state, without the back-off of a failed poll: the next round resumes as planned.
          if (polled.error) await this.recordError(state, polled.error);
          else await this.recordOk(state);
          if (backoff.failures > 0) await state.set(BACKOFF_KEY, JSON.stringify({ failures: 0 }));
          await this.pruneNowAndThen(name, state);
          return { outcome: 'polled', result: polled };
        } catch (err) {
          const error = TradeError.from(err, 'internal', 'receive');
          const next = afterFailure(backoff, target.intervalMs, Date.now(), error);
          await state.set(BACKOFF_KEY, JSON.stringify(next));
          await this.recordError(state, error);
          this.logger.warn(
            {
              target: name,
              kind: error.kind,
              code: error.code,
              failures: next.failures,
              err: error,
            },
            `poll failed (${error.message}), next try at ${nextTick(next.untilMs, target.intervalMs)}`,
          );
          return { outcome: 'failed', error };
        }
      },
    );
    return result === 'locked' ? { outcome: 'locked' } : result;
  }

  private async recordOk(state: PgPollStateStore): Promise<void> {
    const at = new Date().toISOString();
    await state.set(LAST_OK_KEY, at);
    await state.set(LAST_POLL_KEY, JSON.stringify({ outcome: 'ok', at, consecutiveFailures: 0 }));
  }

  private async recordError(state: PgPollStateStore, error: TradeError): Promise<void> {
    const failed = lastError(error);
    const before = readLastPoll(await state.get(LAST_POLL_KEY));
    const poll: LastPoll = {
      outcome: 'error',
      at: failed.at,
      consecutiveFailures: (before?.outcome === 'error' ? before.consecutiveFailures : 0) + 1,
      kind: error.kind,
      code: error.code,
      reason: error.message,
    };
    await state.set(LAST_ERROR_KEY, JSON.stringify(failed));
    await state.set(LAST_POLL_KEY, JSON.stringify(poll));
  }

  // Another process may have added the partner since this one loaded its records.
  private async reloaded(target: PollTarget) {
    await this.partners.reload();
    return this.partners.find(target.partnerId);
  }

  private async pruneNowAndThen(name: string, state: PgPollStateStore): Promise<void> {
    if (Date.now() - (this.pruned.get(name) ?? 0) < PRUNE_EVERY_MS) return;
    this.pruned.set(name, Date.now());
    await state.prune(KEEP_STATE_DAYS);
  }
}

/**
 * When the next poll really runs: the first repeatable tick not before the back-off ends. Bull
 * aligns `every` ticks to multiples of the interval, and a tick before `untilMs` is skipped.
 */
export function nextTick(untilMs: number, intervalMs: number): string {
  return new Date(Math.ceil(untilMs / intervalMs) * intervalMs).toISOString();
}

/** The stored last-poll outcome, or undefined when there is none (or it is unreadable). */
export function readLastPoll(raw: string | undefined): LastPoll | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as LastPoll;
  } catch {
    return undefined;
  }
}

function lastError(error: TradeError) {
  const { kind, code, message } = error;
  return { at: new Date().toISOString(), kind, code, message };
}
