import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Bull, { type Queue } from 'bull';
import type { Pool } from 'pg';
import type { AppConfig } from '../../../core/config/config';
import type { Logger } from '../../../core/logging/logger';
import { CONFIG, LOGGER, PG_POOL } from '../../infra/tokens';
import { InsuranceClock } from './insurance-clock';
import { PremiumBillsService } from './premium-bills.service';
import { ShipmentDeclarationService } from './shipment-declaration.service';

export const INSURANCE_QUEUE = 'insurance-run';
const RUN_JOB = 'insurance-run';

export interface InsuranceRun {
  /** Invoices whose shipment declaration went to Sinosure in this run. */
  declared: string[];
  /** Invoices whose notice of possible loss was filed in this run. */
  reported: string[];
  /** Premium bills fetched in this run (previous month's, each once), `policyNo/billNo`. */
  billed: string[];
}

/**
 * The credit insurance run as one repeatable bull job (INSURANCE_RUN_MS), like the pollers:
 * shared by every gateway process, so one process takes each tick. It sends the due shipment
 * declarations before their deadlines, files the possible-loss notices that fell due and
 * fetches last month's premium bills; each once (per invoice, per policy and month), so an
 * overlapping tick finds nothing left to do.
 */
@Injectable()
export class InsuranceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private queue?: Queue<Record<string, never>>;

  constructor(
    private readonly declarations: ShipmentDeclarationService,
    private readonly bills: PremiumBillsService,
    private readonly clock: InsuranceClock,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.workersEnabled) return;
    const queue = new Bull<Record<string, never>>(INSURANCE_QUEUE, this.config.redis.url, {
      prefix: this.config.redis.bullPrefix,
    });
    this.queue = queue;
    queue.on('error', (err) => this.logger.error({ err }, 'insurance run queue error'));
    void queue.process(() => this.runOnce());
    const every = this.config.insurance.runEveryMs;
    for (const job of await queue.getRepeatableJobs()) {
      if (Number(job.every) !== every) await queue.removeRepeatableByKey(job.key);
    }
    await queue.add(
      {},
      { jobId: RUN_JOB, repeat: { every }, removeOnComplete: true, removeOnFail: true },
    );
  }

  /**
   * One run now (the job, operators and tests): declarations first, then overdue notices.
   * An advisory lock keeps a second run (an overlapping tick, another process) out meanwhile.
   */
  async runOnce(): Promise<InsuranceRun> {
    const lock = await this.pool.connect();
    try {
      const { rows } = await lock.query<{ got: boolean }>(
        "SELECT pg_try_advisory_lock(hashtext('insurance-run')) AS got",
      );
      if (!rows[0].got) return { declared: [], reported: [], billed: [] };
      try {
        const declared = await this.declarations.sendDue(this.pool, this.clock.now());
        const reported = await this.declarations.reportOverdue(this.pool, this.clock.today());
        const billed = (await this.bills.fetchDue(this.pool, this.clock.today()))
          .filter((b) => b.billNo)
          .map((b) => `${b.policyNo}/${b.billNo}`);
        if (declared.length + reported.length + billed.length > 0)
          this.logger.info({ declared, reported, billed }, 'insurance run');
        return { declared, reported, billed };
      } finally {
        await lock.query("SELECT pg_advisory_unlock(hashtext('insurance-run'))");
      }
    } finally {
      lock.release();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}
