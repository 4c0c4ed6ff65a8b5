import {
  ConflictException,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import Bull, { type Queue } from 'bull';
import type { Pool } from 'pg';
import type { AppConfig } from '../../../core/config/config';
import type { Logger } from '../../../core/logging/logger';
import { CONFIG, LOGGER, PG_POOL } from '../../infra/tokens';
import { CLEARANCE_SETTINGS, type ClearanceSettings } from './clearance.settings';
import { previousMonth } from './rules/summary-period';
import { SummaryRepository, type SummaryRow } from './summary.repository';
import { SummaryService } from './summary.service';

export const SUMMARY_QUEUE = 'clearance-summary-run';
const RUN_JOB = 'clearance-summary-run';

/**
 * The monthly CEB701 run as one repeatable bull job (CLEARANCE_SUMMARY_CRON, China time), like
 * the insurance run: shared by every gateway process. Each client with released 9610 lists of
 * the previous month gets its summary; a summary is once per client and period, so a second
 * tick (or an operator's POST /clearance/summaries before it) leaves nothing to do.
 */
@Injectable()
export class SummaryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private queue?: Queue<Record<string, never>>;

  constructor(
    private readonly summaries: SummaryService,
    @Inject(CLEARANCE_SETTINGS) private readonly settings: ClearanceSettings,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly repo: SummaryRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const cron = this.settings.summaryCron;
    if (!this.config.workersEnabled || !cron) return;
    const queue = new Bull<Record<string, never>>(SUMMARY_QUEUE, this.config.redis.url, {
      prefix: this.config.redis.bullPrefix,
    });
    this.queue = queue;
    queue.on('error', (err) => this.logger.error({ err }, 'clearance summary queue error'));
    void queue.process(() => this.runOnce());
    for (const job of await queue.getRepeatableJobs()) {
      if (job.cron !== cron) await queue.removeRepeatableByKey(job.key);
    }
    await queue.add(
      {},
      {
        jobId: RUN_JOB,
        repeat: { cron, tz: 'Asia/Shanghai' },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  /** Summarises the previous month of every client that has lists left (job, tests). */
  async runOnce(now = new Date()): Promise<SummaryRow[]> {
    const period = previousMonth(now);
    const filed: SummaryRow[] = [];
    for (const clientId of await this.repo.clientsToSummarise(this.pool, period)) {
      try {
        const { created, summary } = await this.summaries.summarise({ clientId, ...period });
        if (created) filed.push(summary);
      } catch (err) {
        // Another process summed the lists meanwhile: nothing left for this client.
        if (!(err instanceof ConflictException)) throw err;
      }
    }
    if (filed.length > 0)
      this.logger.info({ summaries: filed.map((s) => s.copNo) }, 'clearance summary run');
    return filed;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}
