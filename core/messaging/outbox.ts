import type { Pool, PoolClient } from 'pg';
import { EnvelopeSchema, type Envelope } from '../envelope/envelope';
import { TradeError } from '../errors/trade-error';
import type { OutgoingMessage } from './confirmed-publish';
import { EVENTS_EXCHANGE, type TopologyNames } from './topology';
import { notifyOnceCte } from '../storage/listen';
import { prepared } from '../storage/prepared';

/** PostgreSQL NOTIFY channel that wakes the relay when rows are committed. */
export const OUTBOX_CHANNEL = 'tradehub_outbox';

export interface EnqueueOptions {
  /** Logical exchange (namespace-free); default `trade.events`. '' = default exchange. */
  exchange?: string;
  /** Default: the envelope's type (`<domain>.<entity>.<event>`); a queue name for ''. */
  routingKey?: string;
  /** Extra AMQP headers. */
  headers?: Record<string, string | number | boolean>;
  /**
   * The envelope is stored in `documents` in the same transaction: the row refers to it
   * instead of holding a second copy (migration 0054).
   */
  inDocuments?: boolean;
}

/** A pending outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  envelope_id: string;
  exchange: string;
  routing_key: string;
  /** The envelope as JSON text (its document's, for a row that holds none); null when lost. */
  body: string | null;
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
  const [id] = await enqueueEnvelopes(tx, [{ envelope, opts }]);
  return id;
}

const ENQUEUE = prepared(
  `WITH added AS (
     INSERT INTO outbox (envelope_id, exchange, routing_key, body, headers)
     SELECT envelope_id, exchange, routing_key, body, headers FROM jsonb_to_recordset($1::jsonb)
       AS t(envelope_id uuid, exchange text, routing_key text, body jsonb, headers jsonb)
     RETURNING id),
   ${notifyOnceCte('$2')}
   SELECT id FROM added LEFT JOIN woken ON true ORDER BY id`,
);

/** Many envelopes in one statement (and one NOTIFY): the batch form of enqueueEnvelope. */
export async function enqueueEnvelopes(
  tx: PoolClient,
  items: ReadonlyArray<{ envelope: Envelope; opts?: EnqueueOptions }>,
): Promise<string[]> {
  if (items.length === 0) return [];
  for (const { envelope } of items) checkEnvelope(envelope);
  // One JSON parameter rather than five arrays: escaping envelope bodies as array elements
  // costs more than the database work.
  const rows = items.map(({ envelope, opts }) => ({
    envelope_id: envelope.id,
    exchange: opts?.exchange ?? EVENTS_EXCHANGE,
    routing_key: opts?.routingKey ?? envelope.type,
    body: opts?.inDocuments ? null : envelope,
    headers: opts?.headers ?? {},
  }));
  const result = await tx.query<{ id: string }>({
    ...ENQUEUE,
    values: [JSON.stringify(rows), OUTBOX_CHANNEL],
  });
  const { rows: added } = result;
  return added.map((r) => r.id);
}

function checkEnvelope(envelope: Envelope): void {
  const checked = EnvelopeSchema.safeParse(envelope);
  if (checked.success) return;
  const issue = checked.error.issues[0];
  throw new TradeError('rejected', `invalid envelope: ${issue.path.join('.')} ${issue.message}`, {
    stage: 'publish',
    location: { pointer: `/${issue.path.join('/')}` },
  });
}

/** The AMQP message of an outbox row: persistent, messageId = envelope id, JSON. */
export function outboxMessage(
  row: OutboxRow & { body: string },
  names: TopologyNames,
): OutgoingMessage {
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
