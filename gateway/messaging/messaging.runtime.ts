import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { DeadLetterRecorder } from '../../core/messaging/dead-letter-recorder';
import { EnvelopeConsumer, type EnvelopeHandler } from '../../core/messaging/envelope-consumer';
import { inboxLag } from '../../core/ingest/normalizer-inbox';
import { outboxLag } from '../../core/messaging/outbox';
import { OutboxRelay } from '../../core/messaging/outbox-relay';
import { queueDepths } from '../../core/messaging/queue-depths';
import type { TopologyNames } from '../../core/messaging/topology';
import { CONFIG, LOGGER, PG_POOL } from '../infra/tokens';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';
import type { AmqpConnections } from './amqp.provider';
import { DomainHandler } from './domain-handler.decorator';
import { AMQP, TOPOLOGY } from './messaging.tokens';

/**
 * Starts the outbox relay, one consumer per discovered handler and the dead-letter recorder,
 * and stops them in reverse order. A process with WORKERS_ENABLED=false only serves HTTP.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private consumers: EnvelopeConsumer[] = [];
  private recorder?: DeadLetterRecorder;
  private handlers: EnvelopeHandler[] = [];

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(AMQP) private readonly amqp: AmqpConnections,
    @Inject(TOPOLOGY) private readonly names: TopologyNames,
    @Inject(METRICS) private readonly metrics: MetricsService,
    private readonly discovery: DiscoveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = this.discoverHandlers();
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
    const rabbit = this.config.rabbit;
    const common = { pool: this.pool, names: this.names, rabbit, logger: this.logger };
    this.consumers = this.handlers.map(
      (handler) =>
        new EnvelopeConsumer(handler, {
          ...common,
          connection: this.amqp.consumer,
          onOutcome: (outcome) => this.metrics.handled.inc({ consumer: handler.name, outcome }),
          onBatch: (consumer, size, seconds) => {
            this.metrics.batchSize.observe({ consumer }, size);
            this.metrics.batchSeconds.observe({ consumer }, seconds);
          },
        }),
    );
    for (const consumer of this.consumers) await consumer.start();
    this.recorder = new DeadLetterRecorder({
      ...common,
      connection: this.amqp.consumer,
      consumers: this.handlers,
    });
    await this.recorder.start();
    this.relay = new OutboxRelay({
      pool: this.pool,
      connection: this.amqp.publisher,
      names: this.names,
      batchSize: this.config.outbox.batchSize,
      pollMs: this.config.outbox.pollMs,
      logger: this.logger,
    });
    await this.relay.start();
    this.logger.info({ handlers: this.handlers.map((h) => h.name) }, 'messaging started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.recorder?.stop();
    await this.amqp.consumer.close();
    await this.amqp.publisher.close();
  }

  get connected(): boolean {
    return this.amqp.consumer.connected && this.amqp.publisher.connected;
  }

  handlerNames(): string[] {
    return this.handlers.map((h) => h.name);
  }

  private async depths(): Promise<Record<string, number>> {
    const queues = this.handlers.flatMap((h) => [
      this.names.queue(h.name),
      this.names.deadLetterQueue(h.name),
    ]);
    if (!this.amqp.consumer.connected) return {};
    const depths = await this.amqp.consumer
      .withChannel((channel) => queueDepths(channel, queues))
      .catch(() => ({}));
    return Object.fromEntries(Object.entries(depths).map(([q, d]) => [q, d.messages]));
  }

  // Every handler name must be unique: it names a queue and the idempotency records.
  private discoverHandlers(): EnvelopeHandler[] {
    const found = this.discovery.getProviders({ metadataKey: DomainHandler.KEY });
    const handlers = found.map((wrapper) => wrapper.instance as EnvelopeHandler).filter(Boolean);
    const seen = new Set<string>();
    for (const handler of handlers) {
      if (seen.has(handler.name))
        throw new Error(`two envelope handlers are named ${handler.name}`);
      seen.add(handler.name);
    }
    return handlers;
  }
}
