import type { PartnerRecord } from './partner.schema';
import type { Queryable } from '../storage/queryable';

type Identifier = { scheme: string; value: string };

/** Every `{ scheme, value }` identifier named anywhere in a canonical payload. */
export function identifiersIn(payload: unknown, found: Identifier[] = []): Identifier[] {
  if (Array.isArray(payload)) payload.forEach((p) => identifiersIn(p, found));
  else if (payload && typeof payload === 'object') {
    const record = payload as Record<string, unknown>;
    if (typeof record.scheme === 'string' && typeof record.value === 'string') {
      found.push({ scheme: record.scheme, value: record.value });
    }
    Object.values(record).forEach((v) => identifiersIn(v, found));
  }
  return found;
}

/** What one message offers for attribution. */
export interface AttributionInput {
  partner: PartnerRecord;
  payloads: unknown[];
  refValues: string[];
}

/**
 * Which SME client each message belongs to: the partner's own client when it serves one; else
 * the first client identifier its documents name (shop id, seller id, USCC, customs code); else
 * the client of a trade reference seen before (an IFTSTA for a B/L of an attributed booking).
 * Two queries for the whole batch.
 */
export async function attributeClients(
  db: Queryable,
  inputs: AttributionInput[],
): Promise<Array<string | undefined>> {
  const open = inputs.filter((i) => !i.partner.clientId);
  const idents = open.flatMap((i) => i.payloads.flatMap((p) => identifiersIn(p)));
  const byIdent = new Map<string, string>();
  if (idents.length > 0) {
    const rows = await db.query<{ scheme: string; value: string; client_id: string }>(
      `SELECT scheme, value, client_id FROM client_identifiers
        WHERE (scheme, value) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [idents.map((i) => i.scheme), idents.map((i) => i.value)],
    );
    rows.rows.forEach((r) => byIdent.set(`${r.scheme}|${r.value}`, r.client_id));
  }
  const fromIdent = (i: AttributionInput) =>
    i.payloads
      .flatMap((p) => identifiersIn(p))
      .map((x) => byIdent.get(`${x.scheme}|${x.value}`))
      .find(Boolean);
  const needRefs = open.filter((i) => !fromIdent(i)).flatMap((i) => i.refValues);
  const byRef = new Map<string, string>();
  if (needRefs.length > 0) {
    const rows = await db.query<{ value: string; client_id: string }>(
      `SELECT DISTINCT ON (value) value, client_id FROM trade_refs
        WHERE value = ANY($1::text[]) AND client_id IS NOT NULL ORDER BY value, id`,
      [needRefs],
    );
    rows.rows.forEach((r) => byRef.set(r.value, r.client_id));
  }
  return inputs.map(
    (i) => i.partner.clientId ?? fromIdent(i) ?? i.refValues.map((v) => byRef.get(v)).find(Boolean),
  );
}
