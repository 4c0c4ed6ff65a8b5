import { Inject, Injectable } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { Pool } from 'pg';
import type { AppConfig } from '../../../core/config/config';
import type { Logger } from '../../../core/logging/logger';
import { DeadLetterRecorder } from '../../../core/messaging/dead-letter-recorder';
import { EnvelopeConsumer } from '../../../core/messaging/envelope-consumer';
import { OutboxRelay } from '../../../core/messaging/outbox-relay';
import type { TopologyNames } from '../../../core/messaging/topology';
import { CONFIG, LOGGER, PG_POOL } from '../../infra/tokens';
import type { MetricsService } from '../../operations/metrics.service';
import { METRICS } from '../../operations/operations.tokens';
import type { AmqpConnections } from '../amqp.provider';
import { AMQP, TOPOLOGY } from '../messaging.tokens';
import { handlerQueues } from './handler-queues';
import { consumedHere } from './handler-roles';
import { QueueHandler } from './queue-handler';

/**
 * The Nest transport of `trade.events`: every `@EnvelopeHandlers` controller's methods become
 * one EnvelopeConsumer per queue, which keeps the delivery guarantees (prefetch, one
 * transaction per batch with the idempotency record, ack after COMMIT, retries, dead letters).
 * The dead-letter recorder runs beside them, and the outbox relay starts last: once every
 * handler queue is declared and bound, nothing it publishes can miss one. A process with
 * WORKERS_ENABLED=false declares, consumes and relays nothing, but still refuses a handler set
 * that breaks the rules. HANDLERS picks the queues a process consumes; the recorder still
 * declares them all before the relay starts.
 */
@Injectable()
export class EnvelopeTransport extends Server implements CustomTransportStrategy {
  private queues: QueueHandler[] = [];
  private consumers: EnvelopeConsumer[] = [];
  private recorder?: DeadLetterRecorder;
  private relay?: OutboxRelay;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(AMQP) private readonly amqp: AmqpConnections,
    @Inject(TOPOLOGY) private readonly names: TopologyNames,
    @Inject(METRICS) private readonly metrics: MetricsService,
  ) {
    super();
  }

  listen(callback: (err?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.relay?.stop();
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.recorder?.stop();
  }

  /** The queues' handler names (each names `q.<name>` and its idempotency records). */
  handlerNames(): string[] {
    return this.queues.map((q) => q.name);
  }

  on(): never {
    throw new Error('the envelope transport has no events to subscribe to');
  }

  unwrap(): never {
    throw new Error('the envelope transport wraps no single client');
  }

  private async start(): Promise<void> {
    this.queues = handlerQueues(this.getHandlers()).map((q) => new QueueHandler(q, this.log));
    if (!this.config.workersEnabled) return;
    const common = {
      pool: this.pool,
      names: this.names,
      rabbit: this.config.rabbit,
      logger: this.log,
    };
    const consumed = consumedHere(this.queues, this.config.handlers);
    this.consumers = consumed.map(
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
      consumers: this.queues,
    });
    await this.recorder.start();
    this.relay = new OutboxRelay({
      pool: this.pool,
      connection: this.amqp.publisher,
      names: this.names,
      batchSize: this.config.outbox.batchSize,
      pollMs: this.config.outbox.pollMs,
      logger: this.log,
    });
    await this.relay.start();
    this.log.info(
      { handlers: this.handlerNames(), consumed: consumed.map((q) => q.name) },
      'messaging started',
    );
  }
}
