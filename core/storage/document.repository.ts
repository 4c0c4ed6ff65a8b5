import type { Envelope } from '../envelope/envelope';
import { refPairs, type TradeRefs } from '../model/trade-refs';
import type { Queryable } from './queryable';

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
    const result = await db.query(
      `INSERT INTO documents (id, message_id, client_id, document_type, version, event_type, occurred_at, envelope)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (id) DO NOTHING`,
      [
        envelope.id,
        messageId,
        envelope.clientId ?? null,
        envelope.documentType,
        envelope.version,
        envelope.type,
        envelope.occurredAt,
        envelope,
      ],
    );
    if (result.rowCount === 0) return false;
    await insertRefs(db, envelope.refs, {
      documentId: envelope.id,
      messageId,
      clientId: envelope.clientId ?? null,
    });
    return true;
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

/** Indexes every reference of a message or document for search and trade timelines. */
export async function insertRefs(
  db: Queryable,
  refs: TradeRefs,
  owner: { messageId: string | null; documentId?: string | null; clientId: string | null },
): Promise<void> {
  const pairs = refPairs(refs);
  if (pairs.length === 0) return;
  await db.query(
    `INSERT INTO trade_refs (kind, value, message_id, document_id, client_id)
     SELECT kind, value, $3, $4, $5 FROM unnest($1::text[], $2::text[]) AS t(kind, value)`,
    [
      pairs.map((p) => p.kind),
      pairs.map((p) => p.value),
      owner.messageId,
      owner.documentId ?? null,
      owner.clientId,
    ],
  );
}
