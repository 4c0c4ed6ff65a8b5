import type { ClientRecord, PartnerRecord } from '../partners/partner.schema';
import type { Queryable } from './queryable';

export interface StoredPartner {
  record: PartnerRecord;
  sourceHash: string | null;
}

/** Partners and clients as data. Partner records arrive here with their secrets already sealed. */
export class PartnerRepository {
  async upsertPartner(
    db: Queryable,
    sealed: PartnerRecord,
    source: { file?: string; hash?: string },
  ): Promise<void> {
    await db.query(
      `INSERT INTO partners (id, name, kind, connector, enabled, client_id, record, source_file, source_hash, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, now())
       ON CONFLICT (id) DO UPDATE SET name = $2, kind = $3, connector = $4, enabled = $5, client_id = $6,
         record = $7, source_file = $8, source_hash = $9, updated_at = now()`,
      [
        sealed.id,
        sealed.name,
        sealed.kind,
        sealed.connector,
        sealed.enabled,
        sealed.clientId ?? null,
        sealed,
        source.file ?? null,
        source.hash ?? null,
      ],
    );
    await db.query('DELETE FROM partner_identifiers WHERE partner_id = $1', [sealed.id]);
    for (const ident of sealed.identifiers) {
      const scheme = ident.qualifier ? `${ident.scheme}:${ident.qualifier}` : ident.scheme;
      await db.query(
        `INSERT INTO partner_identifiers (scheme, value, partner_id) VALUES ($1,$2,$3)
         ON CONFLICT (scheme, value) DO UPDATE SET partner_id = $3`,
        [scheme, ident.value, sealed.id],
      );
    }
    for (const rule of sealed.clientRules) {
      await db.query(
        `INSERT INTO client_identifiers (scheme, value, client_id) VALUES ($1,$2,$3)
         ON CONFLICT (scheme, value) DO UPDATE SET client_id = $3`,
        [rule.scheme, rule.value, rule.clientId],
      );
    }
  }

  async sourceHash(db: Queryable, id: string): Promise<string | null | undefined> {
    const result = await db.query<{ source_hash: string | null }>(
      'SELECT source_hash FROM partners WHERE id = $1',
      [id],
    );
    return result.rows[0]?.source_hash;
  }

  async all(db: Queryable): Promise<PartnerRecord[]> {
    const result = await db.query<{ record: PartnerRecord }>(
      'SELECT record FROM partners ORDER BY id',
    );
    return result.rows.map((r) => r.record);
  }

  async upsertClient(db: Queryable, client: ClientRecord): Promise<void> {
    await db.query(
      `INSERT INTO clients (id, name, uscc, customs_code) VALUES ($1,$2,$3,$4)
       ON CONFLICT (id) DO UPDATE SET name = $2, uscc = $3, customs_code = $4`,
      [client.id, client.name, client.uscc ?? null, client.customsCode ?? null],
    );
    const identifiers = [...client.identifiers];
    if (client.uscc) identifiers.push({ scheme: 'USCC', value: client.uscc });
    if (client.customsCode) identifiers.push({ scheme: 'CUSTOMS', value: client.customsCode });
    for (const ident of identifiers) {
      await db.query(
        `INSERT INTO client_identifiers (scheme, value, client_id) VALUES ($1,$2,$3)
         ON CONFLICT (scheme, value) DO UPDATE SET client_id = $3`,
        [ident.scheme, ident.value, client.id],
      );
    }
  }
}
