import type { Channel } from 'amqplib';

/** Messages ready in a queue and consumers attached, for metrics. */
export interface QueueDepth {
  messages: number;
  consumers: number;
}

/**
 * Depth of each queue via passive declare (no management plugin needed). A missing queue
 * rejects with 404 and closes the channel (AMQP semantics): pass a channel of its own, e.g.
 * from `AmqpConnection.withChannel`. Unacked messages are not counted.
 */
export async function queueDepths(
  channel: Channel,
  names: readonly string[],
): Promise<Record<string, QueueDepth>> {
  const depths: Record<string, QueueDepth> = {};
  for (const name of names) {
    const ok = await channel.checkQueue(name);
    depths[name] = { messages: ok.messageCount, consumers: ok.consumerCount };
  }
  return depths;
}
