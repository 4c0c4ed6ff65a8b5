import type { Pool, PoolClient } from 'pg';
import { EnvelopeSchema, type Envelope } from '../envelope/envelope';
import { TradeError } from '../errors/trade-error';
import type { OutgoingMessage } from './confirmed-publish';
import { EVENTS_EXCHANGE, type TopologyNames } from './topology';

/** PostgreSQL NOTIFY channel that wakes the relay when rows are committed. */
export const OUTBOX_CHANNEL = 'tradehub_outbox';

export interface EnqueueOptions {
  /** Logical exchange (namespace-free); default `trade.events`. '' = default exchange. */
  exchange?: string;
  /** Default: the envelope's type (`<domain>.<entity>.<event>`); a queue name for ''. */
  routingKey?: string;
  /** Extra AMQP headers. */
  headers?: Record<string, string | number | boolean>;
}

/** A pending outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  envelope_id: string;
  exchange: string;
  routing_key: string;
  /** The envelope as JSON text. */
  body: string;
  headers: Record<string, unknown>;
  /** The envelope's type (`body->>'type'`), the AMQP `type` property. */
  type: string | null;
}

/**
 * Writes the envelope to the outbox inside the caller's transaction and notifies the relay,
 * which publishes it after COMMIT (NOTIFY is delivered at commit, and dropped on rollback).
 * Validates the envelope first so a bad one fails its producer, not a consumer.
 * @returns the outbox row id.
 */
export async function enqueueEnvelope(
  tx: PoolClient,
  envelope: Envelope,
  opts: EnqueueOptions = {},
): Promise<string> {
  const checked = EnvelopeSchema.safeParse(envelope);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TradeError('rejected', `invalid envelope: ${issue.path.join('.')} ${issue.message}`, {
      stage: 'publish',
      location: { pointer: `/${issue.path.join('/')}` },
    });
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO outbox (envelope_id, exchange, routing_key, body, headers)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      envelope.id,
      opts.exchange ?? EVENTS_EXCHANGE,
      opts.routingKey ?? envelope.type,
      JSON.stringify(envelope),
      JSON.stringify(opts.headers ?? {}),
    ],
  );
  await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
  return rows[0].id;
}

/** The AMQP message of an outbox row: persistent, messageId = envelope id, JSON. */
export function outboxMessage(row: OutboxRow, names: TopologyNames): OutgoingMessage {
  return {
    exchange: names.exchange(row.exchange),
    routingKey: row.routing_key,
    content: Buffer.from(row.body, 'utf8'),
    // A row sent to a queue directly (requeue) must land; an event may have no subscriber.
    mandatory: row.exchange === '',
    options: {
      persistent: true,
      messageId: row.envelope_id,
      type: row.type ?? undefined,
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      timestamp: Math.floor(Date.now() / 1000),
      appId: 'tradehub',
      headers: row.headers,
    },
  };
}

/** How far publishing is behind, for metrics and health. */
export interface OutboxLag {
  pending: number;
  /** Age of the oldest unpublished row in ms; 0 when none is pending. */
  oldestPendingAgeMs: number;
}

export async function outboxLag(pool: Pool): Promise<OutboxLag> {
  const { rows } = await pool.query<{ pending: string; age_ms: string | null }>(
    `SELECT count(*) AS pending,
            (extract(epoch FROM clock_timestamp() - min(created_at)) * 1000)::bigint AS age_ms
       FROM outbox WHERE published_at IS NULL`,
  );
  return { pending: Number(rows[0].pending), oldestPendingAgeMs: Number(rows[0].age_ms ?? 0) };
}
