import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './queryable';

export type Role = 'viewer' | 'operator' | 'admin';

export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  clientId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

// Keys are random and long, so a fast hash is enough; only the hash is stored.
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export class ApiKeyRepository {
  /** Creates a key and returns its plain value, which is shown only this once. */
  async create(
    db: Queryable,
    input: { name: string; role: Role; clientId?: string | null; key?: string },
  ): Promise<{ id: string; key: string }> {
    const key = input.key ?? `th_${randomBytes(24).toString('base64url')}`;
    const id = randomUUID();
    await db.query(
      `INSERT INTO api_keys (id, name, key_hash, role, client_id) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (key_hash) DO UPDATE SET name = $2, role = $4, client_id = $5, revoked_at = NULL`,
      [id, input.name, hashKey(key), input.role, input.clientId ?? null],
    );
    return { id, key };
  }

  async findByKey(db: Queryable, key: string): Promise<ApiKeyRow | undefined> {
    const result = await db.query<ApiKeyRow>(
      `SELECT id, name, role, client_id AS "clientId", to_json(created_at) #>> '{}' AS "createdAt",
         to_json(revoked_at) #>> '{}' AS "revokedAt" FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hashKey(key)],
    );
    return result.rows[0];
  }

  async list(db: Queryable): Promise<ApiKeyRow[]> {
    const result = await db.query<ApiKeyRow>(
      `SELECT id, name, role, client_id AS "clientId", to_json(created_at) #>> '{}' AS "createdAt",
         to_json(revoked_at) #>> '{}' AS "revokedAt" FROM api_keys ORDER BY created_at`,
    );
    return result.rows;
  }

  async revoke(db: Queryable, id: string): Promise<boolean> {
    const result = await db.query(
      'UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [id],
    );
    return result.rowCount === 1;
  }
}
