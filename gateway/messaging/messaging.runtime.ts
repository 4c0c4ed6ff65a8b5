import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { inboxLag } from '../../core/ingest/normalizer-inbox';
import { outboxLag } from '../../core/messaging/outbox';
import { queueDepths, type QueueDepth } from '../../core/messaging/queue-depths';
import type { TopologyNames } from '../../core/messaging/topology';
import { PG_POOL } from '../infra/tokens';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';
import type { AmqpConnections } from './amqp.provider';
import { EnvelopeTransport } from './envelope-transport/envelope.transport';
import { AMQP, TOPOLOGY } from './messaging.tokens';

/**
 * Reports the messaging backlogs and closes the AMQP connections last. The handlers' consumers,
 * the dead-letter recorder and the outbox relay run in the EnvelopeTransport (a Nest
 * microservice, stopped before this closes the connections).
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(AMQP) private readonly amqp: AmqpConnections,
    @Inject(TOPOLOGY) private readonly names: TopologyNames,
    @Inject(METRICS) private readonly metrics: MetricsService,
    private readonly transport: EnvelopeTransport,
  ) {}

  onApplicationBootstrap(): void {
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
  }

  async onApplicationShutdown(): Promise<void> {
    await this.amqp.consumer.close();
    await this.amqp.publisher.close();
  }

  get connected(): boolean {
    return this.amqp.consumer.connected && this.amqp.publisher.connected;
  }

  handlerNames(): string[] {
    return this.transport.handlerNames();
  }

  /**
   * Ready messages and consumers of each handler queue and its dead-letter queue (passive
   * declare on a channel of its own); empty while RabbitMQ is away.
   */
  async queueDepths(): Promise<Record<string, QueueDepth>> {
    const queues = this.handlerNames().flatMap((name) => [
      this.names.queue(name),
      this.names.deadLetterQueue(name),
    ]);
    if (!this.amqp.consumer.connected) return {};
    return this.amqp.consumer
      .withChannel((channel) => queueDepths(channel, queues))
      .catch(() => ({}));
  }

  private async depths(): Promise<Record<string, number>> {
    const depths = await this.queueDepths();
    return Object.fromEntries(Object.entries(depths).map(([q, d]) => [q, d.messages]));
  }
}
