/** AMQP headers TradeHub sets on retried, dead-lettered and requeued copies of a message. */
export const DeliveryHeaders = {
  /** Why the message was dead-lettered (human readable). */
  reason: 'x-tradehub-reason',
  /** TradeError kind of the failure ('transient', 'rejected', 'internal', ...). */
  errorKind: 'x-tradehub-error-kind',
  /** Handler (consumer) name the failure happened in. */
  consumer: 'x-tradehub-consumer',
  /** ISO 8601 time of the failure. */
  failedAt: 'x-tradehub-failed-at',
  /** Routing key the message first had on trade.events (retries travel under other keys). */
  routingKey: 'x-tradehub-routing-key',
  /** How many delayed retries the message has been through. */
  attempt: 'x-tradehub-attempt',
  /** Id of the dead_letters row this dead-lettered copy becomes (idempotent recording). */
  deadLetterId: 'x-tradehub-dead-letter-id',
  /** Dead letter id a requeued message came from. */
  requeuedFrom: 'x-tradehub-requeued-from',
  /** Set on mandatory publishes so a basic.return can be matched to its publish. */
  publishId: 'x-tradehub-publish-id',
} as const;

export type AmqpHeaders = Record<string, unknown>;

/** Reads a header as a string, if it is one. */
export function headerString(headers: AmqpHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (typeof value === 'string') return value;
  return Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
}

/** Reads a header as a non-negative integer, 0 when absent or malformed. */
export function headerCount(headers: AmqpHeaders | undefined, name: string): number {
  const value = Number(headers?.[name] ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}
