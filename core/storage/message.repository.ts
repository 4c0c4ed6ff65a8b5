import { createHash, randomUUID } from 'node:crypto';
import type { InputLocation, Stage } from '../errors/trade-error';
import { hasRawOf, rawOf } from './payloads';
import type { Queryable } from './queryable';
import { prepared } from './prepared';

export type Direction = 'in' | 'out';
export type MessageState =
  | 'received'
  | 'duplicate'
  /** Same partner message id as an earlier message, other content: kept for operators. */
  | 'conflict'
  | 'processed'
  | 'failed'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivery-failed'
  | 'acknowledged'
  | 'rejected-by-partner';

/** States an outbound message reaches after `sent`: the partner's own answer. */
export const ANSWERED_STATES: readonly MessageState[] = ['acknowledged', 'rejected-by-partner'];

export interface NewMessage {
  direction: Direction;
  partnerId: string;
  clientId?: string | null;
  transport: string;
  raw: Buffer;
  contentType?: string;
  partnerRef?: string;
  /** `partnerRef` is an id the sender assigns (a header), not derived from the content. */
  senderMessageId?: boolean;
  format?: string;
  messageType?: string;
  transportMeta?: Record<string, unknown>;
  correlationId?: string;
  state: MessageState;
}

export interface MessageRow {
  id: string;
  direction: Direction;
  partnerId: string;
  clientId: string | null;
  transport: string;
  format: string | null;
  standard: string | null;
  version: string | null;
  messageType: string | null;
  partnerRef: string | null;
  contentHash: string;
  contentType: string | null;
  sizeBytes: number;
  state: MessageState;
  duplicateOf: string | null;
  transportMeta: Record<string, unknown>;
  lastError: StateNote | null;
  attempts: number;
  correlationId: string | null;
  receivedAt: string;
  updatedAt: string;
  /** When the retention policy dropped the raw bytes (ADR 0019); null while they are kept. */
  rawPurgedAt: string | null;
}

export interface StateNote {
  stage?: Stage;
  reason?: string;
  location?: InputLocation;
  detail?: Record<string, unknown>;
}

export interface StateRow extends StateNote {
  state: string;
  at: string;
}

// Purged by the row job, or with its month's partition (unless its payload was held back).
// Unqualified names inside resolve to the outer \`messages\` row, aliased or not.
const RAW_PURGED_AT = `COALESCE(raw_purged_at, (SELECT d.disposed_at FROM raw_payload_disposals d
  WHERE d.month = payload_month(received_at)
    AND NOT EXISTS (SELECT 1 FROM message_payloads_held h WHERE h.message_id = id)))`;

const COLUMNS = `id, direction, partner_id AS "partnerId", client_id AS "clientId", transport, format, standard,
  version, message_type AS "messageType", partner_ref AS "partnerRef", content_hash AS "contentHash",
  content_type AS "contentType", size_bytes AS "sizeBytes", state, duplicate_of AS "duplicateOf",
  transport_meta AS "transportMeta", last_error AS "lastError", attempts, correlation_id AS "correlationId",
  to_json(received_at) #>> '{}' AS "receivedAt", to_json(updated_at) #>> '{}' AS "updatedAt",
  to_json(${RAW_PURGED_AT}) #>> '{}' AS "rawPurgedAt"`;

export function contentHash(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** The message store: raw messages in and out, with their state history. */
export class MessageRepository {
  static readonly columns = COLUMNS;

  /**
   * Stores an inbound message raw, before any parsing. When the same partner sent the same
   * content (or the same partner reference) before, the copy is stored as a duplicate of the
   * original and `duplicateOf` is returned.
   */
  async insertInbound(
    db: Queryable,
    msg: Omit<NewMessage, 'direction' | 'state'>,
  ): Promise<{ id: string; duplicateOf?: string; conflict?: boolean }> {
    const id = randomUUID();
    if ((await insertNewInbound(db, [msg], [id])).has(id)) return { id };
    const hash = contentHash(msg.raw);
    const original = await db.query<{ id: string; content_hash: string }>(
      `SELECT id, content_hash FROM messages WHERE direction = 'in' AND duplicate_of IS NULL AND partner_id = $1
         AND (content_hash = $2 OR ($3::text IS NOT NULL AND partner_ref = $3))
         ORDER BY content_hash = $2 DESC, received_at LIMIT 1`,
      [msg.partnerId, hash, msg.partnerRef ?? null],
    );
    const originalId = original.rows[0]?.id;
    if (!originalId) throw new Error('duplicate message without an original');
    // The sender's message id again with other content: a resend that changed, or someone
    // squatting the id. Either way not silently dropped: operators see it as a conflict. (A
    // reference derived from the content, like a DCSA notification's, is a duplicate.)
    const conflict = msg.senderMessageId === true && original.rows[0].content_hash !== hash;
    const state = conflict ? 'conflict' : 'duplicate';
    await db.query(
      `WITH copy AS (
         INSERT INTO messages (id, direction, partner_id, client_id, transport, content_hash, content_type,
           size_bytes, partner_ref, transport_meta, correlation_id, state, duplicate_of)
         VALUES ($1,'in',$2,$3,$4,$6,$7,$8,$9,$10,$11,$14,$12) RETURNING id, received_at),
       payload AS (INSERT INTO message_payloads (message_id, month, raw)
         SELECT id, payload_month(received_at), $5 FROM copy)
       INSERT INTO message_states (message_id, state, stage, reason) SELECT id, $14, 'receive', $13 FROM copy`,
      [
        id,
        msg.partnerId,
        msg.clientId ?? null,
        msg.transport,
        msg.raw,
        hash,
        msg.contentType ?? null,
        msg.raw.length,
        msg.partnerRef ?? null,
        msg.transportMeta ?? {},
        msg.correlationId ?? null,
        originalId,
        conflict
          ? `conflict: partner message id ${msg.partnerRef} was first used by ${originalId} with other content`
          : `duplicate of ${originalId}`,
        state,
      ],
    );
    return conflict ? { id, duplicateOf: originalId, conflict } : { id, duplicateOf: originalId };
  }

  /** Stores an outbound message rendered for a partner, ready for delivery. */
  async insertOutbound(db: Queryable, msg: NewMessage): Promise<string> {
    const id = randomUUID();
    await db.query(
      `WITH added AS (
         INSERT INTO messages (id, direction, partner_id, client_id, transport, content_hash, content_type,
           size_bytes, partner_ref, format, message_type, transport_meta, correlation_id, state)
         VALUES ($1,'out',$2,$3,$4,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id, received_at)
       INSERT INTO message_payloads (message_id, month, raw) SELECT id, payload_month(received_at), $5 FROM added`,
      [
        id,
        msg.partnerId,
        msg.clientId ?? null,
        msg.transport,
        msg.raw,
        contentHash(msg.raw),
        msg.contentType ?? null,
        msg.raw.length,
        msg.partnerRef ?? null,
        msg.format ?? null,
        msg.messageType ?? null,
        msg.transportMeta ?? {},
        msg.correlationId ?? null,
        msg.state,
      ],
    );
    await this.addState(db, id, msg.state, { stage: 'deliver' });
    return id;
  }

  async get(db: Queryable, id: string, forUpdate = false): Promise<MessageRow | undefined> {
    const result = await db.query<MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return result.rows[0];
  }

  /** The raw bytes, or undefined once the retention policy dropped them. */
  async raw(db: Queryable, id: string): Promise<Buffer | undefined> {
    const result = await db.query<{ raw: Buffer | null }>(
      `SELECT ${rawOf('m')} AS raw FROM messages m WHERE m.id = $1`,
      [id],
    );
    return result.rows[0]?.raw ?? undefined;
  }

  /** Whether the raw bytes are still stored (a month's disposal drops them without a trace here). */
  async hasRaw(db: Queryable, id: string): Promise<boolean> {
    const result = await db.query<{ has: boolean }>(
      `SELECT ${hasRawOf('m')} AS has FROM messages m WHERE m.id = $1`,
      [id],
    );
    return result.rows[0]?.has === true;
  }

  /**
   * Moves a message to a new state and appends it to the history, in one statement. With
   * `unless`, a message already in one of those states keeps it (the history still records the
   * step): a partner's acknowledgement that overtook our own 'sent' is not undone by it.
   */
  async setState(
    db: Queryable,
    id: string,
    state: MessageState,
    note: StateNote = {},
    unless: readonly MessageState[] = [],
  ): Promise<void> {
    const failed = state === 'failed' || state === 'delivery-failed';
    await db.query(
      `WITH moved AS (
         UPDATE messages SET updated_at = now(),
           state = CASE WHEN state = ANY($9::text[]) THEN state ELSE $2 END,
           last_error = CASE WHEN state = ANY($9::text[]) THEN last_error WHEN $3::boolean THEN $4::jsonb
             WHEN $2 IN ('processed','sent') THEN NULL ELSE last_error END
         WHERE id = $1 RETURNING id)
       INSERT INTO message_states (message_id, state, stage, reason, location, detail)
       SELECT id, $2, $5, $6, $7, $8 FROM moved`,
      [
        id,
        state,
        failed,
        failed ? JSON.stringify(note) : null,
        note.stage ?? null,
        note.reason ?? null,
        note.location ?? null,
        note.detail ?? null,
        unless,
      ],
    );
  }

  async addState(db: Queryable, id: string, state: string, note: StateNote = {}): Promise<void> {
    await db.query(
      `INSERT INTO message_states (message_id, state, stage, reason, location, detail) VALUES ($1,$2,$3,$4,$5,$6)`,
      [
        id,
        state,
        note.stage ?? null,
        note.reason ?? null,
        note.location ?? null,
        note.detail ?? null,
      ],
    );
  }

  /** Records what detection found, and the client the message turned out to belong to. */
  async describe(
    db: Queryable,
    id: string,
    facts: {
      format?: string;
      standard?: string;
      version?: string;
      messageType?: string;
      clientId?: string | null;
    },
  ): Promise<void> {
    await db.query(
      `UPDATE messages SET format = COALESCE($2, format), standard = COALESCE($3, standard),
         version = COALESCE($4, version), message_type = COALESCE($5, message_type),
         client_id = COALESCE($6, client_id), updated_at = now() WHERE id = $1`,
      [
        id,
        facts.format ?? null,
        facts.standard ?? null,
        facts.version ?? null,
        facts.messageType ?? null,
        facts.clientId ?? null,
      ],
    );
  }

  async countAttempt(db: Queryable, id: string): Promise<number> {
    const result = await db.query<{ attempts: number }>(
      'UPDATE messages SET attempts = attempts + 1, updated_at = now() WHERE id = $1 RETURNING attempts',
      [id],
    );
    return result.rows[0]?.attempts ?? 0;
  }

  async history(db: Queryable, id: string): Promise<StateRow[]> {
    const result = await db.query<StateRow>(
      `SELECT state, stage, reason, location, detail, to_json(at) #>> '{}' AS at
         FROM message_states WHERE message_id = $1 ORDER BY id`,
      [id],
    );
    return result.rows.map((r) => stripNulls(r));
  }
}

function stripNulls<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as T;
}

/** What normalization concluded for one message, applied with others in one statement. */
export interface MessageOutcome {
  id: string;
  state: MessageState;
  note: StateNote;
  facts: {
    format?: string;
    standard?: string;
    version?: string;
    messageType?: string;
    clientId?: string | null;
  };
}

/** A stored message with its raw bytes, as the normalizer reads it. */
export type MessageWithRaw = MessageRow & { raw: Buffer };

const LOCK_MESSAGES = prepared(
  `SELECT ${COLUMNS}, COALESCE(${rawOf('m')}, ''::bytea) AS raw FROM messages m
    WHERE m.id = ANY($1::uuid[]) ORDER BY m.id FOR UPDATE`,
);

/** Several messages with their bytes, locked for the caller's transaction (ids in order: no deadlock). */
export async function lockMessages(
  db: Queryable,
  ids: string[],
): Promise<Map<string, MessageWithRaw>> {
  const result = await db.query<MessageWithRaw>({ ...LOCK_MESSAGES, values: [ids] });
  return new Map(result.rows.map((r) => [r.id, r]));
}

const APPLY_OUTCOMES = prepared(
  `WITH o AS (
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::jsonb[], $11::jsonb[])
       AS t(id, state, format, standard, version, message_type, client_id, stage, reason, location, detail)),
   moved AS (
     UPDATE messages m SET state = o.state, updated_at = now(),
       format = COALESCE(o.format, m.format), standard = COALESCE(o.standard, m.standard),
       version = COALESCE(o.version, m.version), message_type = COALESCE(o.message_type, m.message_type),
       client_id = COALESCE(o.client_id, m.client_id),
       last_error = CASE WHEN o.state = 'failed' THEN jsonb_strip_nulls(jsonb_build_object(
           'stage', o.stage, 'reason', o.reason, 'location', o.location, 'detail', o.detail))
         WHEN o.state = 'processed' THEN NULL ELSE m.last_error END
     FROM o WHERE m.id = o.id RETURNING m.id)
   INSERT INTO message_states (message_id, state, stage, reason, location, detail)
   SELECT o.id, o.state, o.stage, o.reason, o.location, o.detail FROM o JOIN moved USING (id)`,
);

/** Applies outcomes (state, detected facts, client) and appends each to the history: one statement. */
export async function applyOutcomes(db: Queryable, outcomes: MessageOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const col = <T>(f: (o: MessageOutcome) => T) => outcomes.map(f);
  await db.query({
    ...APPLY_OUTCOMES,
    values: [
      col((o) => o.id),
      col((o) => o.state),
      col((o) => o.facts.format ?? null),
      col((o) => o.facts.standard ?? null),
      col((o) => o.facts.version ?? null),
      col((o) => o.facts.messageType ?? null),
      col((o) => o.facts.clientId ?? null),
      col((o) => o.note.stage ?? null),
      col((o) => o.note.reason ?? null),
      col((o) => (o.note.location ? JSON.stringify(o.note.location) : null)),
      col((o) => (o.note.detail ? JSON.stringify(o.note.detail) : null)),
    ],
  });
}

/**
 * Stores many inbound messages raw with their first history row, in one statement; a message
 * the partner sent before is skipped (not in the returned set) for the caller to record as a
 * duplicate.
 */
export async function insertNewInbound(
  db: Queryable,
  items: ReadonlyArray<Omit<NewMessage, 'direction' | 'state'>>,
  ids: readonly string[],
): Promise<Set<string>> {
  const result = await db.query<{ id: string }>(
    `${insertNewInboundCtes('$1')} SELECT id FROM added`,
    [JSON.stringify(inboundRecords(items, ids))],
  );
  return new Set(result.rows.map((r) => r.id));
}

/**
 * New inbound messages as one JSON document (bytes as base64), which is cheaper to send than a
 * dozen escaped arrays.
 */
export function inboundRecords(
  items: ReadonlyArray<Omit<NewMessage, 'direction' | 'state'>>,
  ids: readonly string[],
) {
  return items.map((m, i) => ({
    id: ids[i],
    partner_id: m.partnerId,
    client_id: m.clientId ?? null,
    transport: m.transport,
    raw: m.raw.toString('base64'),
    content_hash: contentHash(m.raw),
    content_type: m.contentType ?? null,
    size_bytes: m.raw.length,
    partner_ref: m.partnerRef ?? null,
    transport_meta: m.transportMeta ?? {},
    correlation_id: m.correlationId ?? null,
  }));
}

/**
 * `WITH` clauses that store inboundRecords (parameter `param`) and their history; `added` holds
 * the ids stored, so a statement can go on with more clauses and its own final SELECT.
 */
export function insertNewInboundCtes(param: string): string {
  return `WITH input AS (
       SELECT * FROM jsonb_to_recordset(${param}::jsonb) AS t(id uuid, partner_id text, client_id text, transport text,
         raw text, content_hash text, content_type text, size_bytes int, partner_ref text, transport_meta jsonb,
         correlation_id text)),
     added AS (
       INSERT INTO messages (id, direction, partner_id, client_id, transport, content_hash, content_type,
         size_bytes, partner_ref, transport_meta, correlation_id, state)
       SELECT id, 'in', partner_id, client_id, transport, content_hash, content_type,
         size_bytes, partner_ref, transport_meta, correlation_id, 'received' FROM input
       ON CONFLICT DO NOTHING RETURNING id, received_at),
     payloads AS (
       INSERT INTO message_payloads (message_id, month, raw)
       SELECT a.id, payload_month(a.received_at), decode(i.raw, 'base64') FROM added a JOIN input i USING (id)),
     history AS (
       INSERT INTO message_states (message_id, state, stage) SELECT id, 'received', 'receive' FROM added)`;
}
