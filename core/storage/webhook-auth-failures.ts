import type { Queryable } from './queryable';

/** One refused webhook push, as recorded. */
export interface WebhookAuthFailure {
  partnerId: string;
  /** The verifier's code: unsigned, bad-signature, stale, bad-token, untrusted-proxy ... */
  reason: string;
  detail?: string;
  remoteAddress?: string;
  userAgent?: string;
  at?: string;
}

export async function recordWebhookAuthFailure(
  db: Queryable,
  failure: WebhookAuthFailure,
): Promise<void> {
  await db.query(
    `INSERT INTO webhook_auth_failures (partner_id, reason, detail, remote_address, user_agent)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      failure.partnerId,
      failure.reason,
      failure.detail?.slice(0, 500) ?? null,
      failure.remoteAddress ?? null,
      failure.userAgent?.slice(0, 200) ?? null,
    ],
  );
}

/** A partner's latest refused pushes, newest first. */
export async function webhookAuthFailures(
  db: Queryable,
  partnerId: string,
  limit = 50,
): Promise<WebhookAuthFailure[]> {
  const { rows } = await db.query<{
    partner_id: string;
    reason: string;
    detail: string | null;
    remote_address: string | null;
    user_agent: string | null;
    at: Date;
  }>(
    `SELECT partner_id, reason, detail, remote_address, user_agent, at FROM webhook_auth_failures
      WHERE partner_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
    [partnerId, limit],
  );
  return rows.map((r) => ({
    partnerId: r.partner_id,
    reason: r.reason,
    detail: r.detail ?? undefined,
    remoteAddress: r.remote_address ?? undefined,
    userAgent: r.user_agent ?? undefined,
    at: r.at.toISOString(),
  }));
}
