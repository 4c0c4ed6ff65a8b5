import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { inboxLag } from '../../core/ingest/normalizer-inbox';
import { outboxLag } from '../../core/messaging/outbox';
import { OutboxRelay } from '../../core/messaging/outbox-relay';
import { queueDepths } from '../../core/messaging/queue-depths';
import type { TopologyNames } from '../../core/messaging/topology';
import { CONFIG, LOGGER, PG_POOL } from '../infra/tokens';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';
import type { AmqpConnections } from './amqp.provider';
import { EnvelopeTransport } from './envelope-transport/envelope.transport';
import { AMQP, TOPOLOGY } from './messaging.tokens';

/**
 * Starts the outbox relay and reports the messaging backlogs; the handlers' consumers and the
 * dead-letter recorder run in the EnvelopeTransport (a Nest microservice, stopped before this
 * closes the connections). A process with WORKERS_ENABLED=false only serves HTTP.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(AMQP) private readonly amqp: AmqpConnections,
    @Inject(TOPOLOGY) private readonly names: TopologyNames,
    @Inject(METRICS) private readonly metrics: MetricsService,
    private readonly transport: EnvelopeTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.metrics.attach({
      outboxLag: async () => {
        const lag = await outboxLag(this.pool);
        return { pending: lag.pending, oldestAgeSeconds: lag.oldestPendingAgeMs / 1000 };
      },
      queueDepths: () => this.depths(),
      inboxLag: async () => {
        const lag = await inboxLag(this.pool);
        return { ...lag, oldestAgeSeconds: lag.oldestAgeMs / 1000 };
      },
    });
    if (!this.config.workersEnabled) return;
    this.relay = new OutboxRelay({
      pool: this.pool,
      connection: this.amqp.publisher,
      names: this.names,
      batchSize: this.config.outbox.batchSize,
      pollMs: this.config.outbox.pollMs,
      logger: this.logger,
    });
    await this.relay.start();
    this.logger.info('outbox relay started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.amqp.consumer.close();
    await this.amqp.publisher.close();
  }

  get connected(): boolean {
    return this.amqp.consumer.connected && this.amqp.publisher.connected;
  }

  handlerNames(): string[] {
    return this.transport.handlerNames();
  }

  private async depths(): Promise<Record<string, number>> {
    const queues = this.handlerNames().flatMap((name) => [
      this.names.queue(name),
      this.names.deadLetterQueue(name),
    ]);
    if (!this.amqp.consumer.connected) return {};
    const depths = await this.amqp.consumer
      .withChannel((channel) => queueDepths(channel, queues))
      .catch(() => ({}));
    return Object.fromEntries(Object.entries(depths).map(([q, d]) => [q, d.messages]));
  }
}
