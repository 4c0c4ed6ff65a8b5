import type { Queryable } from './queryable';

export interface PartnerHealth {
  partnerId: string;
  lastReceivedAt: string | null;
  lastSentAt: string | null;
  /** Inbound messages of the last 24 hours by outcome. */
  received24h: number;
  failed24h: number;
  deliveryFailed24h: number;
  /** failed / (processed + failed) over 24 hours; null when nothing was processed. */
  errorRate24h: number | null;
  /** Age of the oldest inbound message not yet normalized (seconds), 0 when none waits. */
  backlogAgeSeconds: number;
  /** Webhook pushes refused (signature, timestamp, token) over 24 hours. */
  webhookAuthFailures24h: number;
  /** The same over the last hour: a burst now is a key rotated or an attack under way. */
  webhookAuthFailures1h: number;
}

/** Per-partner flow health for operators, from the message store alone (one query). */
export async function partnerHealth(db: Queryable): Promise<PartnerHealth[]> {
  const { rows } = await db.query<{
    partner_id: string;
    last_in: string | null;
    last_out: string | null;
    received: string;
    processed: string;
    failed: string;
    delivery_failed: string;
    backlog_age: string | null;
    webhook_failures: string;
    webhook_failures_1h: string;
  }>(
    `SELECT p.id AS partner_id,
       (SELECT to_json(max(received_at)) #>> '{}' FROM messages WHERE partner_id = p.id AND direction = 'in') AS last_in,
       (SELECT to_json(max(updated_at)) #>> '{}' FROM messages WHERE partner_id = p.id AND direction = 'out' AND state = 'sent') AS last_out,
       count(m.id) FILTER (WHERE m.direction = 'in') AS received,
       count(m.id) FILTER (WHERE m.direction = 'in' AND m.state = 'processed') AS processed,
       count(m.id) FILTER (WHERE m.direction = 'in' AND m.state = 'failed') AS failed,
       count(m.id) FILTER (WHERE m.direction = 'out' AND m.state = 'delivery-failed') AS delivery_failed,
       (SELECT extract(epoch FROM now() - min(received_at)) FROM messages
         WHERE partner_id = p.id AND direction = 'in' AND state = 'received') AS backlog_age,
       (SELECT count(*) FROM webhook_auth_failures
         WHERE partner_id = p.id AND at > now() - interval '24 hours') AS webhook_failures,
       (SELECT count(*) FROM webhook_auth_failures
         WHERE partner_id = p.id AND at > now() - interval '1 hour') AS webhook_failures_1h
     FROM partners p LEFT JOIN messages m ON m.partner_id = p.id AND m.received_at > now() - interval '24 hours'
     GROUP BY p.id ORDER BY p.id`,
  );
  return rows.map((r) => {
    const processed = Number(r.processed);
    const failed = Number(r.failed);
    return {
      partnerId: r.partner_id,
      lastReceivedAt: r.last_in,
      lastSentAt: r.last_out,
      received24h: Number(r.received),
      failed24h: failed,
      deliveryFailed24h: Number(r.delivery_failed),
      errorRate24h: processed + failed > 0 ? failed / (processed + failed) : null,
      backlogAgeSeconds: Math.round(Number(r.backlog_age ?? 0)),
      webhookAuthFailures24h: Number(r.webhook_failures),
      webhookAuthFailures1h: Number(r.webhook_failures_1h),
    };
  });
}
