import type { Channel } from 'amqplib';
import type { AppConfig } from '../config/config';
import { TradeError } from '../errors/trade-error';

/** A queue consumer as the topology sees it: its name and the routing-key patterns it needs. */
export interface ConsumerDefinition {
  /** Lowercase name, e.g. `clearance`; the queue is `q.<name>`. */
  name: string;
  /** Topic patterns on trade.events, e.g. `clearance.declaration.*`. */
  bindings: readonly string[];
}

/** Queue settings that come from configuration. */
export type TopologyOptions = Pick<AppConfig['rabbit'], 'queueType' | 'retryDelaysMs'> & {
  /**
   * Quorum only: deliveries of one message before the broker dead-letters it by itself. A safety
   * net for messages that crash the process before any ack or nack; default 20.
   */
  deliveryLimit?: number;
};

/** Every exchange and queue name, prefixed by the namespace so several runs share a broker. */
export interface TopologyNames {
  readonly namespace: string;
  /** Topic exchange all canonical envelopes are published to. */
  readonly events: string;
  /** Direct exchange for dead letters; key = work queue name, bound to `q.<name>.dlq`. */
  readonly dlx: string;
  /** Direct exchange for delayed retries; key = retry queue name. */
  readonly retry: string;
  queue(consumer: string): string;
  deadLetterQueue(consumer: string): string;
  retryQueue(consumer: string, index: number): string;
  /** Physical name of a logical exchange (as stored in the outbox); '' stays the default one. */
  exchange(logical: string): string;
}

/** Logical name of the topic exchange, as written in outbox rows. */
export const EVENTS_EXCHANGE = 'trade.events';

const CONSUMER_NAME = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*$/;
const DEFAULT_DELIVERY_LIMIT = 20;

export function topologyNames(namespace: string): TopologyNames {
  const queue = (consumer: string): string => {
    if (!CONSUMER_NAME.test(consumer))
      throw new TradeError('config', `consumer name "${consumer}" must match ${CONSUMER_NAME}`);
    return `${namespace}q.${consumer}`;
  };
  return {
    namespace,
    events: `${namespace}${EVENTS_EXCHANGE}`,
    dlx: `${namespace}trade.dlx`,
    retry: `${namespace}trade.retry`,
    queue,
    deadLetterQueue: (consumer) => `${queue(consumer)}.dlq`,
    retryQueue: (consumer, index) => `${queue(consumer)}.retry.${index}`,
    exchange: (logical) => (logical === '' ? '' : `${namespace}${logical}`),
  };
}

type Args = Record<string, string | number>;

// At-least-once dead-lettering (quorum, RabbitMQ >= 3.10) keeps a message in its source queue
// until the target confirmed it; it requires overflow reject-publish.
const safeDeadLettering = (o: TopologyOptions): Args =>
  o.queueType === 'quorum'
    ? { 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish' }
    : {};

/** Arguments of the queues of one consumer; pure, so the declared shape is testable. */
export function queueArguments(names: TopologyNames, consumer: string, o: TopologyOptions) {
  const type: Args = { 'x-queue-type': o.queueType };
  const work: Args = {
    ...type,
    'x-dead-letter-exchange': names.dlx,
    'x-dead-letter-routing-key': names.queue(consumer),
    ...safeDeadLettering(o),
    ...(o.queueType === 'quorum'
      ? { 'x-delivery-limit': o.deliveryLimit ?? DEFAULT_DELIVERY_LIMIT }
      : {}),
  };
  const retries = o.retryDelaysMs.map((ttl, index) => ({
    name: names.retryQueue(consumer, index),
    args: {
      ...type,
      'x-message-ttl': ttl,
      // Expired copies go straight back to the work queue through the default exchange.
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': names.queue(consumer),
      ...safeDeadLettering(o),
    },
  }));
  return { work, deadLetter: type, retries };
}

/** Declares the exchanges only (enough for publishers). Idempotent. */
export async function declareExchanges(channel: Channel, names: TopologyNames): Promise<void> {
  await channel.assertExchange(names.events, 'topic', { durable: true });
  await channel.assertExchange(names.dlx, 'direct', { durable: true });
  await channel.assertExchange(names.retry, 'direct', { durable: true });
}

/**
 * Declares exchanges and, per consumer, `q.<name>` bound to trade.events, `q.<name>.dlq` bound
 * to trade.dlx, and one TTL queue per retry delay bound to the retry exchange. Idempotent; a
 * changed argument (e.g. a new retry delay) fails with PRECONDITION_FAILED and a hint.
 */
export async function declareTopology(
  channel: Channel,
  names: TopologyNames,
  consumers: readonly ConsumerDefinition[],
  options: TopologyOptions,
): Promise<void> {
  await declareExchanges(channel, names);
  for (const consumer of consumers) {
    const queue = names.queue(consumer.name);
    const args = queueArguments(names, consumer.name, options);
    try {
      await channel.assertQueue(queue, { durable: true, arguments: args.work });
      for (const key of consumer.bindings) await channel.bindQueue(queue, names.events, key);
      const dlq = names.deadLetterQueue(consumer.name);
      await channel.assertQueue(dlq, { durable: true, arguments: args.deadLetter });
      await channel.bindQueue(dlq, names.dlx, queue);
      for (const retry of args.retries) {
        await channel.assertQueue(retry.name, { durable: true, arguments: retry.args });
        await channel.bindQueue(retry.name, names.retry, retry.name);
      }
    } catch (err) {
      throw new TradeError(
        'config',
        `declaring the queues of consumer "${consumer.name}" failed: ${(err as Error).message}` +
          ' (queue arguments cannot change in place: delete the queue or move its messages first)',
        { cause: err, stage: 'publish' },
      );
    }
  }
}

/** Deletes the queues of the given consumers and the exchanges (tests clean their namespace). */
export async function deleteTopology(
  channel: Channel,
  names: TopologyNames,
  consumers: readonly ConsumerDefinition[],
  options: Pick<TopologyOptions, 'retryDelaysMs'>,
): Promise<void> {
  for (const consumer of consumers) {
    await channel.deleteQueue(names.queue(consumer.name));
    await channel.deleteQueue(names.deadLetterQueue(consumer.name));
    for (let i = 0; i < options.retryDelaysMs.length; i++)
      await channel.deleteQueue(names.retryQueue(consumer.name, i));
  }
  for (const exchange of [names.events, names.dlx, names.retry])
    await channel.deleteExchange(exchange);
}
