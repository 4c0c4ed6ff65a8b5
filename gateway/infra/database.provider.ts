import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { createPool, waitForDatabase } from '../../core/storage/database';
import { runMigrations } from '../../core/storage/migration';
import { gatewayMigrations } from '../migrations';
import { CONFIG, LOGGER, PG_POOL } from './tokens';

/**
 * The PostgreSQL pool, after the database answers (waited for with back-off), exists and every
 * migration has run.
 */
export const databaseProvider: Provider = {
  provide: PG_POOL,
  inject: [CONFIG, LOGGER],
  useFactory: async (config: AppConfig, logger: Logger): Promise<Pool> => {
    await waitForDatabase(config.database.url, (err, waitMs, tries) =>
      logger.warn(
        { err: (err as Error).message, tries, waitMs },
        'PostgreSQL is not reachable yet; waiting before the next try',
      ),
    );
    const pool = createPool(config.database.url, config.database.poolMax, (err) =>
      logger.warn({ err: err.message }, 'PostgreSQL connection lost; its work is retried'),
    );
    const applied = await runMigrations(pool, gatewayMigrations);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    return pool;
  },
};
