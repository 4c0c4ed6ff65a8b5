import type { Queryable } from './queryable';

export interface TradeLink {
  messageIds: string[];
  documentIds: string[];
  refs: Array<{ kind: string; value: string }>;
}

// A trade is the closure of references that share messages or documents. Two hops are enough
// to go from an order to its booking to its B/L; the bounds keep a popular value from pulling
// in the whole store.
const MAX_HOPS = 3;
const MAX_REFS = 500;

/** Every message and document linked to `value` or to references that share a message with it. */
export async function linkTrade(
  db: Queryable,
  value: string,
  clientId?: string,
): Promise<TradeLink> {
  const values = new Set([`${value}|${clientId ?? ''}`]);
  const seenRefs = new Map<string, { kind: string; value: string }>();
  const messageIds = new Set<string>();
  const documentIds = new Set<string>();
  // A reference links messages of the same client only: after the value asked for, each hop
  // follows a value within the client of the reference it was found on (two clients may use
  // the same order number, and a partner's message cannot join another client's trade).
  let frontier: Array<{ value: string; client: string | null }> = [{ value, client: null }];
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0 && seenRefs.size < MAX_REFS; hop++) {
    const owners = await db.query<{ message_id: string | null; document_id: string | null }>(
      `SELECT DISTINCT r.message_id, r.document_id
         FROM trade_refs r JOIN unnest($1::text[], $2::text[]) AS f(value, client) ON r.value = f.value
        WHERE ($3::text IS NULL OR r.client_id = $3)
          AND (${hop === 0 ? 'true' : 'r.client_id IS NOT DISTINCT FROM f.client'})
        LIMIT ${MAX_REFS}`,
      [frontier.map((f) => f.value), frontier.map((f) => f.client), clientId ?? null],
    );
    const newMessages = owners.rows
      .map((r) => r.message_id)
      .filter((id): id is string => !!id && !messageIds.has(id));
    const newDocs = owners.rows
      .map((r) => r.document_id)
      .filter((id): id is string => !!id && !documentIds.has(id));
    newMessages.forEach((id) => messageIds.add(id));
    newDocs.forEach((id) => documentIds.add(id));
    const refs = await refsOf(db, newMessages, newDocs);
    frontier = [];
    for (const ref of refs) {
      seenRefs.set(`${ref.kind}:${ref.value}`, { kind: ref.kind, value: ref.value });
      const key = `${ref.value}|${ref.client_id ?? ''}`;
      if (!values.has(key)) {
        values.add(key);
        frontier.push({ value: ref.value, client: ref.client_id });
      }
    }
  }
  // Documents of the linked messages belong to the trade as well.
  if (messageIds.size > 0) {
    const docs = await db.query<{ id: string }>(
      'SELECT id FROM documents WHERE message_id = ANY($1::uuid[])',
      [[...messageIds]],
    );
    docs.rows.forEach((d) => documentIds.add(d.id));
    const viaDocs = await db.query<{ message_id: string }>(
      'SELECT DISTINCT message_id FROM documents WHERE id = ANY($1::uuid[]) AND message_id IS NOT NULL',
      [[...documentIds]],
    );
    viaDocs.rows.forEach((r) => messageIds.add(r.message_id));
  }
  return {
    messageIds: [...messageIds],
    documentIds: [...documentIds],
    refs: [...seenRefs.values()],
  };
}

/**
 * References named by the given messages and documents. One indexed query per column: an
 * `message_id = ANY(..) OR document_id = ANY(..)` condition is planned as a scan of every
 * reference (ADR 0015).
 */
async function refsOf(
  db: Queryable,
  messageIds: string[],
  documentIds: string[],
): Promise<Array<{ kind: string; value: string; client_id: string | null }>> {
  const found: Array<{ kind: string; value: string; client_id: string | null }> = [];
  for (const [column, ids] of [
    ['message_id', messageIds],
    ['document_id', documentIds],
  ] as const) {
    if (ids.length === 0) continue;
    const { rows } = await db.query<{ kind: string; value: string; client_id: string | null }>(
      `SELECT DISTINCT kind, value, client_id FROM trade_refs WHERE ${column} = ANY($1::uuid[]) LIMIT ${MAX_REFS}`,
      [ids],
    );
    for (const row of rows) found.push(row);
  }
  return found;
}
