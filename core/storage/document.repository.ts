import type { Envelope } from '../envelope/envelope';
import { refPairs, type TradeRefs } from '../model/trade-refs';
import type { Queryable } from './queryable';
import { prepared } from './prepared';

export interface DocumentRow {
  id: string;
  messageId: string | null;
  clientId: string | null;
  documentType: string;
  version: string;
  eventType: string;
  occurredAt: string;
  envelope: Envelope;
}

const COLUMNS = `id, message_id AS "messageId", client_id AS "clientId", document_type AS "documentType",
  version, event_type AS "eventType", to_json(occurred_at) #>> '{}' AS "occurredAt", envelope`;

/** Canonical documents and the trade references that index them. */
export class DocumentRepository {
  /** Stores a canonical envelope's document; false when it was stored before (replay). */
  async insert(db: Queryable, envelope: Envelope, messageId: string | null): Promise<boolean> {
    return (await insertDocuments(db, [{ envelope, messageId }])).has(envelope.id);
  }

  async byMessage(db: Queryable, messageId: string): Promise<DocumentRow[]> {
    const result = await db.query<DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE message_id = $1 ORDER BY occurred_at, id`,
      [messageId],
    );
    return result.rows;
  }

  async byIds(db: Queryable, ids: string[]): Promise<DocumentRow[]> {
    if (ids.length === 0) return [];
    const result = await db.query<DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE id = ANY($1::uuid[]) ORDER BY occurred_at, id`,
      [ids],
    );
    return result.rows;
  }
}

const INSERT_DOCUMENTS = prepared(
  `INSERT INTO documents (id, message_id, client_id, document_type, version, event_type, occurred_at, envelope)
   SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, message_id uuid, client_id text, document_type text,
     version text, event_type text, occurred_at timestamptz, envelope jsonb)
   ON CONFLICT (id) DO NOTHING RETURNING id`,
);
const INSERT_DOCUMENT_REFS = prepared(
  `INSERT INTO trade_refs (kind, value, message_id, document_id, client_id)
   SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[])`,
);
const CLEAR_FAILED_REFS = prepared(
  `DELETE FROM trade_refs WHERE from_failed AND message_id = ANY($1::uuid[])`,
);

/**
 * Stores many canonical documents and their references (two statements); returns the ids that
 * were new (a replayed generation finds its documents stored already).
 */
export async function insertDocuments(
  db: Queryable,
  items: ReadonlyArray<{ envelope: Envelope; messageId: string | null }>,
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const input = items.map(({ envelope, messageId }) => ({
    id: envelope.id,
    message_id: messageId,
    client_id: envelope.clientId ?? null,
    document_type: envelope.documentType,
    version: envelope.version,
    event_type: envelope.type,
    occurred_at: envelope.occurredAt,
    envelope,
  }));
  const { rows } = await db.query<{ id: string }>({
    ...INSERT_DOCUMENTS,
    values: [JSON.stringify(input)],
  });
  const fresh = new Set(rows.map((r) => r.id));
  const refs = items
    .filter((i) => fresh.has(i.envelope.id))
    .flatMap((i) =>
      refPairs(i.envelope.refs).map((p) => ({
        ...p,
        documentId: i.envelope.id,
        messageId: i.messageId,
        clientId: i.envelope.clientId ?? null,
      })),
    );
  if (refs.length > 0) {
    await db.query({
      ...INSERT_DOCUMENT_REFS,
      values: [
        refs.map((r) => r.kind),
        refs.map((r) => r.value),
        refs.map((r) => r.messageId),
        refs.map((r) => r.documentId),
        refs.map((r) => r.clientId),
      ],
    });
  }
  return fresh;
}

/** Indexes every reference of a message or document for search and trade timelines. */
export async function insertRefs(
  db: Queryable,
  refs: TradeRefs,
  owner: {
    messageId: string | null;
    documentId?: string | null;
    clientId: string | null;
    /** Read from a message that failed: shown as such, replaced when it is run again. */
    fromFailed?: boolean;
  },
): Promise<void> {
  const pairs = refPairs(refs);
  if (pairs.length === 0) return;
  await db.query(
    `INSERT INTO trade_refs (kind, value, message_id, document_id, client_id, from_failed)
     SELECT kind, value, $3, $4, $5, $6 FROM unnest($1::text[], $2::text[]) AS t(kind, value)`,
    [
      pairs.map((p) => p.kind),
      pairs.map((p) => p.value),
      owner.messageId,
      owner.documentId ?? null,
      owner.clientId,
      owner.fromFailed ?? false,
    ],
  );
}

/** Drops the references read from earlier failed runs of these messages. */
export async function clearFailedRefs(db: Queryable, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await db.query({ ...CLEAR_FAILED_REFS, values: [messageIds] });
}
