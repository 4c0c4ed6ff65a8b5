import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import { ConnectorCatalog } from '../../core/connector/catalog';
import type { ConnectorManifest } from '../../core/connector/contract';
import { MessageIntake } from '../../core/ingest/message-intake';
import { createLogger, type Logger } from '../../core/logging/logger';
import { PartnerRegistry } from '../../core/partners/partner-registry';
import { partnerCircuits } from '../../core/resilience';
import { readSeedFolder } from '../../core/partners/seed-files';
import { validatePartner } from '../../core/partners/partner-validation';
import { SecretBox } from '../../core/security/secret-box';
import { ApiKeyRepository } from '../../core/storage/api-key.repository';
import { MessageRepository } from '../../core/storage/message.repository';
import { PartnerRepository } from '../../core/storage/partner.repository';
import { connectorManifests } from '../../connectors/registry';
import { formatRegistryOf } from '../connectors/format-registry';
import { partnerCheck } from '../connectors/partner-check';
import { MetricsService } from '../operations/metrics.service';
import { READINESS, ReadinessRegistry, readinessCheck } from '../operations/readiness';
import { METRICS } from '../operations/operations.tokens';
import { MESSAGE_INTAKE, PARTNER_REGISTRY } from '../partners/partners.tokens';
import { databaseProvider } from './database.provider';
import { RepositoriesModule } from './repositories.module';
import { CONFIG, CONNECTOR_CATALOG, FORMAT_REGISTRY, LOGGER, PG_POOL } from './tokens';

/** The plain objects every module shares: config, logger, pool, registries, metrics. */
@Global()
@Module({})
export class InfraModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  static forRoot(
    config: AppConfig,
    logger: Logger = createLogger(config.logLevel),
    connectors: readonly ConnectorManifest[] = connectorManifests,
  ): DynamicModule {
    partnerCircuits.configure(config.circuit);
    const catalog = new ConnectorCatalog(connectors);
    const formats = formatRegistryOf(catalog);
    const check = partnerCheck(catalog, formats);
    // A bad seed record stops the boot here, naming file and field, before anything connects.
    const seed = readSeedFolder(config.seedDir, config.seedVariables);
    for (const { record, file } of seed.partners) validatePartner(record, check, file);
    return {
      module: InfraModule,
      imports: [RepositoriesModule],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        databaseProvider,
        { provide: METRICS, useFactory: () => new MetricsService() },
        { provide: CONNECTOR_CATALOG, useValue: catalog },
        { provide: FORMAT_REGISTRY, useValue: formats },
        { provide: READINESS, useFactory: () => new ReadinessRegistry() },
        readinessCheck('database', [PG_POOL], (pool: Pool) => async () => ({
          ok: (await pool.query('SELECT 1')).rowCount === 1,
          detail: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
        })),
        {
          provide: PARTNER_REGISTRY,
          inject: [PG_POOL, ApiKeyRepository, PartnerRepository],
          useFactory: async (pool: Pool, keys: ApiKeyRepository, repo: PartnerRepository) => {
            const box = new SecretBox(config.secretsKey);
            const registry = new PartnerRegistry(pool, box, repo, check);
            await registry.seed(seed.clients, seed.partners);
            if (config.adminApiKey) {
              await keys.create(pool, {
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
          inject: [PG_POOL, MessageRepository],
          useFactory: (pool: Pool, messages: MessageRepository) =>
            new MessageIntake(pool, messages),
        },
      ],
      exports: [
        CONFIG,
        CONNECTOR_CATALOG,
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
