import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { createPool, ensureDatabase } from '../../core/storage/database';
import { runMigrations } from '../../core/storage/migration';
import { gatewayMigrations } from '../migrations';
import { CONFIG, LOGGER, PG_POOL } from './tokens';

/** The PostgreSQL pool, after the database exists and every migration has run. */
export const databaseProvider: Provider = {
  provide: PG_POOL,
  inject: [CONFIG, LOGGER],
  useFactory: async (config: AppConfig, logger: Logger): Promise<Pool> => {
    await ensureDatabase(config.database.url);
    const pool = createPool(config.database.url, config.database.poolMax);
    pool.on('error', (err) => logger.error({ err }, 'idle PostgreSQL client failed'));
    const applied = await runMigrations(pool, gatewayMigrations);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    return pool;
  },
};
