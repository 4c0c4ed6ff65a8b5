import type { Pool } from 'pg';
import { DeliveryHeaders as H } from './delivery-headers';
import { OUTBOX_CHANNEL } from './outbox';
import { EVENTS_EXCHANGE, type ConsumerDefinition, type TopologyNames } from './topology';

/**
 * An AMQP topic pattern as a PostgreSQL regular expression: `*` is one word, `#` zero or more.
 * Pure, so the translation is testable.
 */
export function topicRegex(pattern: string): string {
  const words = pattern.split('.').map((w) => {
    if (w === '*') return '[^.]+';
    if (w === '#') return '#';
    return w.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&');
  });
  const body = words
    .join('\\.')
    .replace(/^#$/, '.*')
    .replace(/^#\\\./, '(.*\\.)?')
    .replace(/\\\.#/g, '(\\..*)?');
  return `^${body}$`;
}

/**
 * Sends again to a consumer's work queue every event its queue may have lost: bound to it,
 * written to the outbox (published or not yet), not processed by it and not dead-lettered for
 * it. A queue deleted by hand loses what it held, and events published before it is declared
 * again had nowhere to go (trade.events publishes are not mandatory): the store still has them.
 * Copies go through the outbox (default exchange, routing key = queue name) and keep their
 * envelope id, so one the handler had already taken is acked as a duplicate.
 * @returns how many envelopes were sent again.
 */
export async function replayLostEvents(
  pool: Pool,
  names: TopologyNames,
  consumer: ConsumerDefinition,
): Promise<number> {
  const patterns = consumer.bindings.map(topicRegex);
  const { rows } = await pool.query<{ n: number }>(
    `WITH replayed AS (
       INSERT INTO outbox (envelope_id, exchange, routing_key, body, headers)
       SELECT o.envelope_id, '', $1, o.envelope, jsonb_build_object($2::text, o.routing_key)
         FROM outbox_events o
        WHERE o.exchange = $3 AND o.routing_key ~ ANY($4::text[])
          AND NOT EXISTS (SELECT 1 FROM processed_envelopes p
                           WHERE p.consumer = $5 AND p.envelope_id = o.envelope_id)
          AND NOT EXISTS (SELECT 1 FROM dead_letters d
                           WHERE d.consumer = $5 AND d.envelope_id = o.envelope_id)
       RETURNING 1)
     SELECT n, CASE WHEN n > 0 THEN pg_notify($6, '') END
       FROM (SELECT count(*)::int AS n FROM replayed) c`,
    [
      names.queue(consumer.name),
      H.routingKey,
      EVENTS_EXCHANGE,
      patterns,
      consumer.name,
      OUTBOX_CHANNEL,
    ],
  );
  return rows[0].n;
}
