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

/** The clients a partner may speak for: its own, the ones it lists, or any (`'*'`). */
export function linkedClients(partner: PartnerRecord): ReadonlySet<string> | 'any' {
  if (partner.clientId) return new Set([partner.clientId]);
  // A record without `clients` keeps the behaviour it was written for: any client.
  if (!partner.clients || partner.clients.includes('*')) return 'any';
  return new Set(partner.clients);
}

/** What one message offers for attribution. */
export interface AttributionInput {
  partner: PartnerRecord;
  payloads: unknown[];
  refValues: string[];
}

/** A message's client, or why it cannot be attributed (the message then fails at 'receive'). */
export type Attribution = { clientId?: string } | { refused: string };

/**
 * Which SME client each message belongs to. What the sender is authorised for decides: the
 * partner record names the clients it may speak for (`clientId`, or `clients`). Content only
 * chooses among those: the first client identifier its documents name (shop id, seller id,
 * USCC, customs code), else the client of a trade reference seen before for one of those
 * clients, else the partner's only client. A message naming a client its partner is not
 * linked to is refused. Two queries for the whole batch.
 */
export async function attributeClients(
  db: Queryable,
  inputs: AttributionInput[],
): Promise<Attribution[]> {
  const byIdent = await clientsOfIdentifiers(
    db,
    inputs.flatMap((i) => i.payloads.flatMap((p) => identifiersIn(p))),
  );
  const named = inputs.map((i) => [
    ...new Set(
      i.payloads
        .flatMap((p) => identifiersIn(p))
        .map((x) => byIdent.get(`${x.scheme}|${x.value}`))
        .filter((c): c is string => !!c),
    ),
  ]);
  const byRef = await clientsOfRefs(
    db,
    inputs.filter((_, n) => named[n].length === 0).flatMap((i) => i.refValues),
  );
  return inputs.map((input, n) => {
    const linked = linkedClients(input.partner);
    const may = (client: string) => linked === 'any' || linked.has(client);
    const foreign = named[n].find((c) => !may(c));
    if (foreign)
      return {
        refused: `the message names client ${foreign}, which partner ${input.partner.id} may not speak for`,
      };
    const fromRefs = input.refValues.flatMap((v) => byRef.get(v) ?? []).find(may);
    const only = linked !== 'any' && linked.size === 1 ? [...linked][0] : undefined;
    return { clientId: input.partner.clientId ?? named[n][0] ?? fromRefs ?? only };
  });
}

async function clientsOfIdentifiers(db: Queryable, idents: Identifier[]) {
  const byIdent = new Map<string, string>();
  if (idents.length === 0) return byIdent;
  const rows = await db.query<{ scheme: string; value: string; client_id: string }>(
    `SELECT scheme, value, client_id FROM client_identifiers
      WHERE (scheme, value) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [idents.map((i) => i.scheme), idents.map((i) => i.value)],
  );
  rows.rows.forEach((r) => byIdent.set(`${r.scheme}|${r.value}`, r.client_id));
  return byIdent;
}

/** Every client a reference value is known for (a value may be two clients' order number). */
async function clientsOfRefs(db: Queryable, values: string[]) {
  const byRef = new Map<string, string[]>();
  if (values.length === 0) return byRef;
  const rows = await db.query<{ value: string; client_id: string }>(
    `SELECT value, client_id FROM trade_refs
      WHERE value = ANY($1::text[]) AND client_id IS NOT NULL
      GROUP BY value, client_id ORDER BY value, min(id)`,
    [values],
  );
  rows.rows.forEach((r) => byRef.set(r.value, [...(byRef.get(r.value) ?? []), r.client_id]));
  return byRef;
}
