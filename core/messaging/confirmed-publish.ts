import { randomUUID } from 'node:crypto';
import type { ConfirmChannel, Message, Options } from 'amqplib';
import { DeliveryHeaders, headerString } from './delivery-headers';

/** One message to publish on a confirm channel. */
export interface OutgoingMessage {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
  /**
   * Fail when no queue takes the message (basic.return). Right for retry, dead-letter and
   * requeue copies that must land in a queue; wrong for trade.events, where an event nobody
   * subscribes to is fine.
   */
  mandatory?: boolean;
}

// Publish ids of returned messages, per channel. RabbitMQ sends basic.return before the
// basic.ack of the same message, so the confirm callback can look its id up here.
const returnedByChannel = new WeakMap<ConfirmChannel, Set<string>>();

function returnedSet(channel: ConfirmChannel): Set<string> {
  let returned = returnedByChannel.get(channel);
  if (!returned) {
    const set = new Set<string>();
    channel.on('return', (msg: Message) => {
      const id = headerString(msg.properties.headers, DeliveryHeaders.publishId);
      if (id) set.add(id);
    });
    returnedByChannel.set(channel, set);
    returned = set;
  }
  return returned;
}

/**
 * Publishes and resolves when the broker confirmed the message (persisted, for persistent
 * messages on durable queues); rejects on nack, channel close, or return when mandatory.
 * Callers pipelining many publishes bound them with a window of unconfirmed messages, which
 * also bounds what amqplib buffers when `publish` reports a full write buffer.
 */
export function publishConfirmed(channel: ConfirmChannel, message: OutgoingMessage): Promise<void> {
  const returned = returnedSet(channel);
  const publishId = message.mandatory ? randomUUID() : undefined;
  const options: Options.Publish = publishId
    ? {
        ...message.options,
        mandatory: true,
        headers: {
          ...(message.options.headers as Record<string, unknown> | undefined),
          [DeliveryHeaders.publishId]: publishId,
        },
      }
    : message.options;
  return new Promise<void>((resolve, reject) => {
    const done = (err: unknown) => {
      const wasReturned = publishId !== undefined && returned.delete(publishId);
      if (err) reject(err instanceof Error ? err : new Error('message nacked by broker'));
      else if (wasReturned)
        reject(new Error(`unroutable: ${message.exchange || '(default)'} ${message.routingKey}`));
      else resolve();
    };
    channel.publish(message.exchange, message.routingKey, message.content, options, done);
  });
}
