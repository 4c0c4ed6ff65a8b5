import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { withAdvisoryLock } from '../../core/storage/advisory-lock';
import { purgeExpired } from '../../core/storage/housekeeping';
import { CONFIG, LOGGER, PG_POOL } from '../infra/tokens';

const EVERY_MS = 60 * 60 * 1000;

/** Hourly purge of expired outbox and idempotency rows; one process does it at a time. */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.workersEnabled) return;
    this.timer = setInterval(() => void this.runOnce(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<void> {
    try {
      const result = await withAdvisoryLock(this.pool, 'housekeeping', () =>
        purgeExpired(this.pool, this.config.retention),
      );
      if (result !== 'locked' && (result.outbox > 0 || result.processed > 0))
        this.logger.info(result, 'housekeeping purged');
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        'housekeeping failed; next round in an hour',
      );
    }
  }
}
