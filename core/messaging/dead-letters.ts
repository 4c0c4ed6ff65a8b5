import type { Pool } from 'pg';
import { EnvelopeSchema } from '../envelope/envelope';
import { TradeError } from '../errors/trade-error';
import { inTransaction } from '../storage/database';
import { DeliveryHeaders as H, type AmqpHeaders } from './delivery-headers';
import { OUTBOX_CHANNEL } from './outbox';

/** A dead_letters row as the recorder writes it. */
export interface DeadLetterRecord {
  id: string;
  consumer: string;
  /** The work queue the message died in (physical name); requeue sends it back there. */
  queue: string;
  envelopeId: string | null;
  routingKey: string;
  body: unknown;
  headers: AmqpHeaders;
  reason: string;
  errorKind: string | null;
  clientId: string | null;
  deadAt: Date;
}

/** A dead letter as the operator API shows it. */
export interface DeadLetter extends DeadLetterRecord {
  requeuedAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The value, lowercased, when it is a UUID string; else null. */
export function validUuid(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

export interface DeadLetterFilter {
  consumer?: string;
  /** 'open' (default): not requeued yet; 'requeued'; 'all'. */
  state?: 'open' | 'requeued' | 'all';
  clientId?: string;
  /** Default 50, at most 500. */
  limit?: number;
  offset?: number;
}

/** Codes of the TradeError (kind 'rejected') requeueDeadLetter throws. */
export const DeadLetterErrors = {
  notFound: 'DEAD_LETTER_NOT_FOUND',
  alreadyRequeued: 'DEAD_LETTER_ALREADY_REQUEUED',
  notAnEnvelope: 'DEAD_LETTER_NOT_AN_ENVELOPE',
} as const;

interface Row {
  id: string;
  consumer: string;
  queue: string;
  envelope_id: string | null;
  routing_key: string;
  body: unknown;
  headers: Record<string, unknown>;
  reason: string;
  error_kind: string | null;
  client_id: string | null;
  dead_at: Date;
  requeued_at: Date | null;
}

const toDeadLetter = (r: Row): DeadLetter => ({
  id: r.id,
  consumer: r.consumer,
  queue: r.queue,
  envelopeId: r.envelope_id,
  routingKey: r.routing_key,
  body: r.body,
  headers: r.headers,
  reason: r.reason,
  errorKind: r.error_kind,
  clientId: r.client_id,
  deadAt: r.dead_at,
  requeuedAt: r.requeued_at,
});

/** Newest first. */
export async function listDeadLetters(
  pool: Pool,
  filter: DeadLetterFilter = {},
): Promise<DeadLetter[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) =>
    where.push(sql.replace('?', `$${params.push(value)}`));
  if (filter.consumer) add('consumer = ?', filter.consumer);
  if (filter.clientId) add('client_id = ?', filter.clientId);
  const state = filter.state ?? 'open';
  if (state !== 'all')
    where.push(state === 'open' ? 'requeued_at IS NULL' : 'requeued_at IS NOT NULL');
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const offset = Math.max(filter.offset ?? 0, 0);
  const { rows } = await pool.query<Row>(
    `SELECT * FROM dead_letters ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY dead_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return rows.map(toDeadLetter);
}

/**
 * Sends a dead letter's envelope back to its handler's queue through the outbox (default
 * exchange, routing key = queue name) and marks it requeued, in one transaction. The envelope
 * keeps its id, so a handler that had in fact processed it acks it as a duplicate.
 * @throws TradeError kind 'rejected' with a code from DeadLetterErrors.
 */
export async function requeueDeadLetter(
  pool: Pool,
  id: string,
): Promise<{ outboxId: string; requeuedAt: Date }> {
  const fail = (code: string, message: string) => new TradeError('rejected', message, { code });
  if (!validUuid(id)) throw fail(DeadLetterErrors.notFound, `dead letter ${id} not found`);
  return inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<Row>('SELECT * FROM dead_letters WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    const row = rows[0];
    if (!row) throw fail(DeadLetterErrors.notFound, `dead letter ${id} not found`);
    if (row.requeued_at)
      throw fail(
        DeadLetterErrors.alreadyRequeued,
        `dead letter ${id} was requeued at ${row.requeued_at.toISOString()}`,
      );
    const envelope = EnvelopeSchema.safeParse(row.body);
    if (!envelope.success)
      throw fail(
        DeadLetterErrors.notAnEnvelope,
        `dead letter ${id} holds no valid envelope (${row.reason})`,
      );
    const headers = { [H.requeuedFrom]: id, [H.routingKey]: row.routing_key };
    const outbox = await tx.query<{ id: string }>(
      `INSERT INTO outbox (envelope_id, exchange, routing_key, body, headers)
       VALUES ($1, '', $2, $3, $4) RETURNING id`,
      [envelope.data.id, row.queue, JSON.stringify(row.body), JSON.stringify(headers)],
    );
    await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
    const marked = await tx.query<{ requeued_at: Date }>(
      'UPDATE dead_letters SET requeued_at = clock_timestamp() WHERE id = $1 RETURNING requeued_at',
      [id],
    );
    return { outboxId: outbox.rows[0].id, requeuedAt: marked.rows[0].requeued_at };
  });
}
