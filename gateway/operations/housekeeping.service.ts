import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { withAdvisoryLock } from '../../core/storage/advisory-lock';
import { purgeExpired } from '../../core/storage/housekeeping';
import { ensurePayloadPartitions, purgeRawPayloads } from '../../core/storage/raw-retention';
import { CONFIG, LOGGER, PG_POOL } from '../infra/tokens';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Hourly purge of expired outbox and idempotency rows, and of settled messages' raw payloads
 * past RAW_RETENTION_DAYS when set (whole months by dropping their partition); one process does
 * it at a time. Payload partitions are created months ahead at boot (every process, before it
 * takes messages) and each hour.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensurePayloadPartitions(this.pool);
    if (!this.config.workersEnabled) return;
    this.timer = setInterval(() => void this.runOnce(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<void> {
    try {
      const result = await withAdvisoryLock(this.pool, 'housekeeping', async () => {
        const partitions = await ensurePayloadPartitions(this.pool);
        const expired = await purgeExpired(this.pool, this.config.retention);
        const days = this.config.retention.rawDays;
        const rawPayloads = days ? await purgeRawPayloads(this.pool, days) : 0;
        return { ...expired, partitions, rawPayloads };
      });
      if (result !== 'locked' && Object.values(result).some((n) => n > 0))
        this.logger.info(result, 'housekeeping purged');
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        'housekeeping failed; next round in an hour',
      );
    }
  }
}
