import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import { MessageIntake } from '../../core/ingest/message-intake';
import { createLogger, type Logger } from '../../core/logging/logger';
import { PartnerRegistry } from '../../core/partners/partner-registry';
import { partnerCircuits } from '../../core/resilience';
import { readSeedFolder } from '../../core/partners/seed-files';
import { SecretBox } from '../../core/security/secret-box';
import { ApiKeyRepository } from '../../core/storage/api-key.repository';
import { buildFormatRegistry } from '../../mappings/format-registry.default';
import { MetricsService } from '../operations/metrics.service';
import { READINESS, ReadinessRegistry, readinessCheck } from '../operations/readiness';
import { METRICS } from '../operations/operations.tokens';
import { MESSAGE_INTAKE, PARTNER_REGISTRY } from '../partners/partners.tokens';
import { databaseProvider } from './database.provider';
import { CONFIG, FORMAT_REGISTRY, LOGGER, PG_POOL } from './tokens';

/** The plain objects every module shares: config, logger, pool, registries, metrics. */
@Global()
@Module({})
export class InfraModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  static forRoot(config: AppConfig, logger: Logger = createLogger(config.logLevel)): DynamicModule {
    partnerCircuits.configure(config.circuit);
    return {
      module: InfraModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        databaseProvider,
        { provide: METRICS, useFactory: () => new MetricsService() },
        { provide: READINESS, useFactory: () => new ReadinessRegistry() },
        readinessCheck('database', [PG_POOL], (pool: Pool) => async () => ({
          ok: (await pool.query('SELECT 1')).rowCount === 1,
          detail: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
        })),
        { provide: FORMAT_REGISTRY, useFactory: () => buildFormatRegistry() },
        {
          provide: PARTNER_REGISTRY,
          inject: [PG_POOL],
          useFactory: async (pool: Pool) => {
            const registry = new PartnerRegistry(pool, new SecretBox(config.secretsKey));
            const seed = readSeedFolder(config.seedDir, config.seedVariables);
            await registry.seed(seed.clients, seed.partners);
            if (config.adminApiKey) {
              await new ApiKeyRepository().create(pool, {
                name: 'bootstrap-admin',
                role: 'admin',
                key: config.adminApiKey,
              });
            }
            return registry;
          },
        },
        {
          provide: MESSAGE_INTAKE,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new MessageIntake(pool),
        },
      ],
      exports: [
        CONFIG,
        LOGGER,
        PG_POOL,
        METRICS,
        READINESS,
        FORMAT_REGISTRY,
        PARTNER_REGISTRY,
        MESSAGE_INTAKE,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
