import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { InboundPoller, IntakePort } from '../../core/connector/contract';
import type { Logger } from '../../core/logging/logger';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { CONFIG, LOGGER, PG_POOL } from '../infra/tokens';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';
import { MESSAGE_INTAKE, PARTNER_REGISTRY } from '../partners/partners.tokens';
import { pollHealth, type PollHealth } from './poll-health';
import { pollTargets, targetName, type PollTarget } from './poll-schedule';
import { PollService, type PollOutcome } from './poll.service';
import { PollWorker } from './poll.worker';

export const INBOUND_POLLERS = Symbol('InboundPollers');

/**
 * Polls partners' folders and APIs in processes that do background work: one repeatable job
 * per target, rescheduled at boot and on `resync()` after partner records change, and
 * re-asserted from the partner records whenever Redis (re)connects and every
 * POLL_SCHEDULE_CHECK_MS: a Redis restart without persistence drops the repeatable jobs, and
 * nothing else would bring them back.
 */
@Injectable()
export class PollRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stopping = new AbortController();
  private readonly service: PollService;
  private readonly startedAt = Date.now();
  private checkTimer?: NodeJS.Timeout;

  constructor(
    private readonly worker: PollWorker,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    @Inject(INBOUND_POLLERS) private readonly pollers: Map<string, InboundPoller>,
    @Inject(MESSAGE_INTAKE) intake: IntakePort,
    @Inject(METRICS) metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    metrics.attachPolls(this);
    this.service = new PollService(
      pool,
      partners,
      pollers,
      intake,
      metrics,
      logger,
      this.stopping.signal,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.workersEnabled) return;
    this.worker.start((target) => this.service.pollOnce(target));
    await this.resync();
    this.worker.onRedisReady(() => void this.reassert('redis connection ready'));
    this.checkTimer = setInterval(
      () => void this.reassert('periodic check'),
      this.config.polling.scheduleCheckMs,
    );
    this.checkTimer.unref();
  }

  /** Re-creates the repeatable jobs Redis lost; never throws (Redis may still be away). */
  async reassert(why: string): Promise<PollTarget[]> {
    try {
      const targets = pollTargets(this.partners.list(), this.pollers);
      const lost = await this.worker.missing(targets);
      if (lost.length === 0) return [];
      await this.resync();
      this.logger.warn({ why, lost: lost.map(targetName) }, 'poll schedules re-asserted');
      return lost;
    } catch (err) {
      this.logger.warn({ why, err: (err as Error).message }, 'poll schedules not checked');
      return [];
    }
  }

  /** When each target last ran and whether it is overdue (metrics, partner API, readiness). */
  async pollHealth(partnerId?: string): Promise<PollHealth[]> {
    const targets = pollTargets(this.partners.list(), this.pollers).filter(
      (t) => partnerId === undefined || t.partnerId === partnerId,
    );
    return pollHealth(this.pool, targets, this.startedAt);
  }

  /** Reloads partner records and makes the repeatable poll jobs match them. */
  async resync(): Promise<PollTarget[]> {
    await this.partners.reload();
    const targets = pollTargets(this.partners.list(), this.pollers);
    await this.worker.schedule(targets);
    this.logger.info({ targets: targets.length }, 'poll jobs scheduled');
    return targets;
  }

  /**
   * Polls a partner's targets now, through the same lock (operators, tests). An operator who
   * fixed a setting (`force`) does not wait out the back-off of the failures before the fix.
   */
  async pollNow(partnerId: string, force = false): Promise<PollOutcome[]> {
    const targets = pollTargets(this.partners.list(), this.pollers);
    const mine = targets.filter((t) => t.partnerId === partnerId);
    return Promise.all(mine.map((t) => this.service.pollOnce(t, force)));
  }

  async onApplicationShutdown(): Promise<void> {
    // A poll in progress finishes its current file and returns; then the queue closes.
    this.stopping.abort();
    clearInterval(this.checkTimer);
    await this.worker.close();
  }
}
