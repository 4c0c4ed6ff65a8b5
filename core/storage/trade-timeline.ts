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
  const values = new Set([value]);
  const seenRefs = new Map<string, { kind: string; value: string }>();
  const messageIds = new Set<string>();
  const documentIds = new Set<string>();
  let frontier = [value];
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0 && seenRefs.size < MAX_REFS; hop++) {
    const owners = await db.query<{ message_id: string | null; document_id: string | null }>(
      `SELECT DISTINCT message_id, document_id FROM trade_refs
        WHERE value = ANY($1::text[]) AND ($2::text IS NULL OR client_id = $2) LIMIT ${MAX_REFS}`,
      [frontier, clientId ?? null],
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
      seenRefs.set(`${ref.kind}:${ref.value}`, ref);
      if (!values.has(ref.value)) {
        values.add(ref.value);
        frontier.push(ref.value);
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
): Promise<Array<{ kind: string; value: string }>> {
  const found: Array<{ kind: string; value: string }> = [];
  for (const [column, ids] of [
    ['message_id', messageIds],
    ['document_id', documentIds],
  ] as const) {
    if (ids.length === 0) continue;
    const { rows } = await db.query<{ kind: string; value: string }>(
      `SELECT DISTINCT kind, value FROM trade_refs WHERE ${column} = ANY($1::uuid[]) LIMIT ${MAX_REFS}`,
      [ids],
    );
    found.push(...rows);
  }
  return found;
}
