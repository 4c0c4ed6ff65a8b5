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
  const [id] = await enqueueEnvelopes(tx, [{ envelope, opts }]);
  return id;
}

/** Many envelopes in one statement (and one NOTIFY): the batch form of enqueueEnvelope. */
export async function enqueueEnvelopes(
  tx: PoolClient,
  items: ReadonlyArray<{ envelope: Envelope; opts?: EnqueueOptions }>,
): Promise<string[]> {
  if (items.length === 0) return [];
  const result = await tx.query<{ id: string }>(
    `WITH added AS (
       ${insertOutboxFrom(`jsonb_to_recordset($1::jsonb) AS t(${OUTBOX_RECORD})`)}
       RETURNING id)
     SELECT id, pg_notify($2, '') FROM added ORDER BY id`,
    [JSON.stringify(outboxRecords(items)), OUTBOX_CHANNEL],
  );
  const { rows: added } = result;
  return added.map((r) => r.id);
}

/** An outbox row as JSON, for `jsonb_to_recordset(...) AS t(${OUTBOX_RECORD})`. */
export interface OutboxRecord {
  envelope_id: string;
  exchange: string;
  routing_key: string;
  body: Envelope;
  headers: Record<string, string | number | boolean>;
}

/** Column definitions of an OutboxRecord for jsonb_to_recordset. */
export const OUTBOX_RECORD =
  'envelope_id uuid, exchange text, routing_key text, body jsonb, headers jsonb';

/**
 * Validates the envelopes and turns them into outbox rows. One JSON parameter rather than five
 * arrays: escaping envelope bodies as array elements costs more than the database work.
 */
export function outboxRecords(
  items: ReadonlyArray<{ envelope: Envelope; opts?: EnqueueOptions }>,
): OutboxRecord[] {
  for (const { envelope } of items) checkEnvelope(envelope);
  return items.map(({ envelope, opts }) => ({
    envelope_id: envelope.id,
    exchange: opts?.exchange ?? EVENTS_EXCHANGE,
    routing_key: opts?.routingKey ?? envelope.type,
    body: envelope,
    headers: opts?.headers ?? {},
  }));
}

/**
 * The INSERT of outbox rows selected from `source` (a relation with OutboxRecord's columns),
 * for statements that write the outbox together with other rows. The caller notifies
 * OUTBOX_CHANNEL in the same transaction.
 */
export function insertOutboxFrom(source: string): string {
  return `INSERT INTO outbox (envelope_id, exchange, routing_key, body, headers)
       SELECT envelope_id, exchange, routing_key, body, headers FROM ${source}`;
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
