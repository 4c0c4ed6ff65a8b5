import { createHash } from 'node:crypto';
import type { ConsumeMessage } from 'amqplib';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config';
import type { AmqpConnection } from './amqp-connection';
import { validUuid, type DeadLetterRecord } from './dead-letters';
import { DeliveryHeaders as H, headerString, type AmqpHeaders } from './delivery-headers';
import { errInfo, silentLogger, type MessagingLogger } from './logger';
import { pause, QueueWorker, REQUEUE_PAUSE_MS, type Delivery } from './queue-worker';
import { declareTopology, type ConsumerDefinition, type TopologyNames } from './topology';

export interface DeadLetterRecorderOptions {
  connection: AmqpConnection;
  pool: Pool;
  names: TopologyNames;
  /** The handlers whose `q.<name>.dlq` are recorded (usually all of them). */
  consumers: readonly ConsumerDefinition[];
  rabbit: Pick<AppConfig['rabbit'], 'prefetch' | 'queueType' | 'retryDelaysMs'>;
  logger?: MessagingLogger;
}

interface XDeath {
  reason?: string;
  queue?: string;
  'routing-keys'?: string[];
}

/**
 * Builds the row of one dead-lettered message. The id comes from the copy's dead-letter-id
 * header, or (for messages the broker dead-lettered itself, e.g. delivery limit) from a hash
 * of queue, content and x-death, so a redelivered dead letter maps to the same row.
 */
export function deadLetterRecord(
  message: ConsumeMessage,
  consumer: string,
  workQueue: string,
): DeadLetterRecord {
  const headers: AmqpHeaders = { ...message.properties.headers };
  delete headers[H.publishId];
  const deaths = Array.isArray(headers['x-death']) ? (headers['x-death'] as XDeath[]) : [];
  const text = message.content.toString('utf8');
  let body: unknown = { unparsed: text.replaceAll('\u0000', '\uFFFD') };
  try {
    // jsonb rejects \u0000, so such JSON is kept as text.
    if (!text.includes('\\u0000')) body = JSON.parse(text);
  } catch {
    // not JSON: kept as text above
  }
  const envelope = (body ?? {}) as { id?: unknown; clientId?: unknown };
  const failedAt = new Date(headerString(headers, H.failedAt) ?? NaN);
  const brokerReason = deaths[0]?.reason ?? headerString(headers, 'x-first-death-reason');
  return {
    id:
      validUuid(headerString(headers, H.deadLetterId)) ??
      hashId(workQueue, message.content, deaths),
    consumer: headerString(headers, H.consumer) ?? consumer,
    queue: workQueue,
    envelopeId: validUuid(envelope.id) ?? validUuid(message.properties.messageId),
    routingKey:
      headerString(headers, H.routingKey) ??
      deaths.at(-1)?.['routing-keys']?.[0] ??
      message.fields.routingKey,
    body,
    headers,
    reason:
      headerString(headers, H.reason) ??
      `dead-lettered by the broker: ${brokerReason ?? 'unknown'}`,
    errorKind: headerString(headers, H.errorKind) ?? null,
    clientId: typeof envelope.clientId === 'string' ? envelope.clientId : null,
    deadAt: Number.isNaN(failedAt.getTime()) ? new Date() : failedAt,
  };
}

function hashId(queue: string, content: Buffer, deaths: XDeath[]): string {
  const hex = createHash('sha256')
    .update(queue)
    .update('\n')
    .update(content)
    .update(JSON.stringify(deaths))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Moves every `q.<name>.dlq` message into dead_letters (idempotent on the row id) and acks it
 * after the insert committed; on a database failure it requeues after a pause.
 */
export class DeadLetterRecorder {
  private readonly worker: QueueWorker;
  private readonly consumerOf = new Map<string, string>();
  private readonly log: MessagingLogger;

  constructor(private readonly o: DeadLetterRecorderOptions) {
    this.log = o.logger ?? silentLogger;
    for (const c of o.consumers) this.consumerOf.set(o.names.deadLetterQueue(c.name), c.name);
    this.worker = new QueueWorker({
      connection: o.connection,
      name: 'dead-letter recorder',
      queues: [...this.consumerOf.keys()],
      prefetch: o.rabbit.prefetch,
      declare: (channel) => declareTopology(channel, o.names, o.consumers, o.rabbit),
      handle: (delivery) => this.record(delivery),
      logger: o.logger,
    });
  }

  start(): Promise<void> {
    return this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  private async record(d: Delivery): Promise<void> {
    const consumer = this.consumerOf.get(d.queue)!;
    const r = deadLetterRecord(d.message, consumer, this.o.names.queue(consumer));
    try {
      await this.o.pool.query(
        `INSERT INTO dead_letters (id, consumer, queue, envelope_id, routing_key, body, headers,
                                   reason, error_kind, client_id, dead_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
        [
          r.id,
          r.consumer,
          r.queue,
          r.envelopeId,
          r.routingKey,
          JSON.stringify(r.body),
          JSON.stringify(r.headers),
          r.reason,
          r.errorKind,
          r.clientId,
          r.deadAt,
        ],
      );
    } catch (err) {
      this.log.error({ ...errInfo(err), id: r.id }, 'dead letter not stored; requeue');
      await pause(REQUEUE_PAUSE_MS);
      return d.requeue();
    }
    d.ack();
    this.log.warn({ id: r.id, consumer: r.consumer, reason: r.reason }, 'dead letter recorded');
  }
}
