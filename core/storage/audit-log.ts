import type { Queryable } from './queryable';

export type AuditAction =
  | 'message.replay'
  | 'message.redeliver'
  | 'dead-letter.requeue'
  | 'partner.put'
  | 'api-key.issue'
  | 'api-key.revoke';

/** Who acted: the API key's id, name and role (the operator API's principal). */
export interface AuditActor {
  keyId: string;
  name: string;
  role: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  keyId: string;
  actor: string;
  role: string;
  action: AuditAction;
  target: string;
  detail: Record<string, unknown>;
}

/** Records an action; pass the action's own transaction so that both land or neither. */
export async function recordAudit(
  db: Queryable,
  actor: AuditActor,
  action: AuditAction,
  target: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (key_id, actor, role, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)',
    [actor.keyId, actor.name, actor.role, action, target, JSON.stringify(detail)],
  );
}

/** Newest first; `before` is the id of the last entry of the previous page. */
export async function listAudit(
  db: Queryable,
  query: { target?: string; before?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>(
    `SELECT id::text, to_json(at) #>> '{}' AS at, key_id AS "keyId", actor, role, action, target, detail
       FROM audit_log
      WHERE ($1::text IS NULL OR target = $1) AND ($2::bigint IS NULL OR id < $2)
      ORDER BY id DESC LIMIT $3`,
    [query.target ?? null, query.before ?? null, query.limit ?? 100],
  );
  return rows;
}
