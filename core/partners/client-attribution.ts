import type { PartnerRecord } from './partner.schema';
import { PartnerRepository } from '../storage/partner.repository';
import type { Queryable } from '../storage/queryable';

/** Every `{ scheme, value }` identifier named anywhere in a canonical payload. */
export function identifiersIn(
  payload: unknown,
  found: Array<{ scheme: string; value: string }> = [],
) {
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

/**
 * Which SME client a message belongs to: the partner's own client when it serves one; else a
 * client identifier the documents name (shop id, seller id, USCC, customs code); else the
 * client of a trade reference seen before (an IFTSTA for a B/L of an attributed booking).
 */
export async function attributeClient(
  db: Queryable,
  partner: PartnerRecord,
  payloads: unknown[],
  refValues: string[],
): Promise<string | undefined> {
  if (partner.clientId) return partner.clientId;
  const repo = new PartnerRepository();
  const byIdentifier = await repo.clientByIdentifiers(
    db,
    payloads.flatMap((p) => identifiersIn(p)),
  );
  return byIdentifier ?? (await repo.clientByRefs(db, refValues));
}
