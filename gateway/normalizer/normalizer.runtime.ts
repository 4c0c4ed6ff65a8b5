import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { ConnectorCatalog } from '../../core/connector/catalog';
import { InboxWorker } from '../../core/ingest/normalizer-inbox';
import type { Logger } from '../../core/logging/logger';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { OutboundQueue } from '../../core/outbound/outbound-queue';
import { MessageRepository } from '../../core/storage/message.repository';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';
import { CONFIG, CONNECTOR_CATALOG, FORMAT_REGISTRY, LOGGER, PG_POOL } from '../infra/tokens';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';
import { PARTNER_REGISTRY } from '../partners/partners.tokens';
import { AcknowledgementHook } from './acknowledgement.hook';
import { NormalizerService } from './normalizer.service';
import { TranslatePool } from './translate-pool';

/**
 * Normalizes every stored inbound message, taken from the PostgreSQL inbox the intake and
 * replays write (not from a queue: ADR 0005). Off in a process with WORKERS_ENABLED=false.
 */
@Injectable()
export class NormalizerRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: InboxWorker;
  private readonly pool: TranslatePool;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) pool: Pool,
    @Inject(PARTNER_REGISTRY) partners: PartnerRegistry,
    @Inject(FORMAT_REGISTRY) formats: FormatRegistry,
    @Inject(METRICS) metrics: MetricsService,
    @Inject(LOGGER) logger: Logger,
    @Inject(CONNECTOR_CATALOG) catalog: ConnectorCatalog,
    messages: MessageRepository,
    outbound: OutboundQueue,
  ) {
    const { minBytes, size, memoryMb } = config.normalizerWorkers;
    this.pool = new TranslatePool({ size, memoryMb });
    const service = new NormalizerService(
      partners,
      formats,
      metrics,
      new AcknowledgementHook(
        (connector, format) => catalog.acknowledges(connector, format),
        outbound,
        logger,
      ),
      { pool: this.pool, minBytes },
      (connector) => catalog.manifest(connector)?.fileProtection,
    );
    this.worker = new InboxWorker({
      pool,
      messages,
      handle: (items, tx) => service.normalize(items, tx),
      retryDelaysMs: config.rabbit.retryDelaysMs,
      pollMs: config.outbox.pollMs,
      logger,
      onBatch: (size, seconds) => {
        metrics.batchSize.observe({ consumer: 'normalizer' }, size);
        metrics.batchSeconds.observe({ consumer: 'normalizer' }, seconds);
      },
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.workersEnabled) this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    await this.pool.close();
  }
}
