import {
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { ConnectorCatalog } from '../../core/connector/catalog';
import type { OutboundTransport } from '../../core/connector/contract';
import type { Logger } from '../../core/logging/logger';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { MessageRepository } from '../../core/storage/message.repository';
import { CONFIG, CONNECTOR_CATALOG, LOGGER, PG_POOL } from '../infra/tokens';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';
import { readinessCheck } from '../operations/readiness';
import { PARTNER_REGISTRY } from '../partners/partners.tokens';
import { DeliveryQueueHandler } from './delivery-queue.handler';
import { DeliveryService } from './delivery.service';
import { DeliveryWorker } from './delivery.worker';
import { OutboundComposer } from './outbound-composer';

export const OUTBOUND_TRANSPORTS = Symbol('OutboundTransports');

/** Runs the bull delivery worker in processes that do background work. */
@Injectable()
class DeliveryRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly worker: DeliveryWorker,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly messages: MessageRepository,
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    @Inject(OUTBOUND_TRANSPORTS) private readonly transports: Map<string, OutboundTransport>,
    @Inject(METRICS) private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONNECTOR_CATALOG) private readonly catalog: ConnectorCatalog,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.workersEnabled) return;
    this.worker.start(
      new DeliveryService(
        this.pool,
        this.messages,
        this.partners,
        this.transports,
        this.metrics,
        this.logger,
        (connector) => this.catalog.manifest(connector)?.fileProtection,
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}

@Module({
  controllers: [DeliveryQueueHandler],
  providers: [
    {
      provide: OUTBOUND_TRANSPORTS,
      inject: [PG_POOL, CONNECTOR_CATALOG],
      useFactory: (pool: Pool, catalog: ConnectorCatalog) =>
        catalog.outboundTransports({ db: pool }),
    },
    {
      provide: DeliveryWorker,
      inject: [CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => new DeliveryWorker(config, logger),
    },
    DeliveryRuntime,
    readinessCheck('redis', [DeliveryWorker], (w: DeliveryWorker) => async () => ({
      ok: await w.ping(),
    })),
    OutboundComposer,
  ],
  exports: [DeliveryWorker, OUTBOUND_TRANSPORTS, OutboundComposer],
})
export class OutboundModule {}
