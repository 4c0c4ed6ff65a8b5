import type { Queryable } from './queryable';

export interface FlowCounts {
  /** Messages per minute by partner, type and state, oldest minute first. */
  perMinute: Array<{
    minute: string;
    partnerId: string;
    messageType: string | null;
    state: string;
    count: number;
  }>;
  /** Messages of the window by their current state. */
  states: Record<string, number>;
  /** Open dead letters, and the age of the oldest envelope not yet published (seconds). */
  deadLetters: number;
  outboxLagSeconds: number;
}

/** What the console's overview draws, for the last `minutes` (read through the time index). */
export async function flowCounts(
  db: Queryable,
  minutes: number,
  clientId?: string,
): Promise<FlowCounts> {
  const client = clientId ?? null;
  const [perMinute, dead, outbox] = await Promise.all([
    db.query<{
      minute: string;
      partner_id: string;
      message_type: string | null;
      state: string;
      n: string;
    }>(
      `SELECT to_json(date_trunc('minute', received_at)) #>> '{}' AS minute, partner_id, message_type,
              state, count(*) AS n
         FROM messages
        WHERE received_at > now() - make_interval(mins => $1) AND ($2::text IS NULL OR client_id = $2)
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      [minutes, client],
    ),
    db.query<{ n: string }>(
      `SELECT count(*) AS n FROM dead_letters
        WHERE requeued_at IS NULL AND ($1::text IS NULL OR client_id = $1)`,
      [client],
    ),
    db.query<{ lag: string | null }>(
      `SELECT extract(epoch FROM now() - min(created_at)) AS lag FROM outbox WHERE published_at IS NULL`,
    ),
  ]);
  const states: Record<string, number> = {};
  const rows = perMinute.rows.map((r) => {
    const count = Number(r.n);
    states[r.state] = (states[r.state] ?? 0) + count;
    return {
      minute: r.minute,
      partnerId: r.partner_id,
      messageType: r.message_type,
      state: r.state,
      count,
    };
  });
  return {
    perMinute: rows,
    states,
    deadLetters: Number(dead.rows[0].n),
    outboxLagSeconds: Math.max(0, Math.round(Number(outbox.rows[0].lag ?? 0))),
  };
}

export interface PendingAck {
  messageId: string;
  partnerId: string;
  messageType: string | null;
  sentAt: string;
  waitingSeconds: number;
}

/**
 * Outbound messages sent but neither acknowledged nor rejected after `olderThanMinutes`
 * (CONTRL, 997, customs receipts that have not come back).
 */
export async function pendingAcks(
  db: Queryable,
  olderThanMinutes: number,
  clientId?: string,
): Promise<PendingAck[]> {
  const { rows } = await db.query<PendingAck>(
    `SELECT id AS "messageId", partner_id AS "partnerId", message_type AS "messageType",
            to_json(updated_at) #>> '{}' AS "sentAt",
            round(extract(epoch FROM now() - updated_at))::int AS "waitingSeconds"
       FROM messages
      WHERE direction = 'out' AND state = 'sent'
        AND updated_at < now() - make_interval(mins => $1)
        AND ($2::text IS NULL OR client_id = $2)
      ORDER BY updated_at LIMIT 500`,
    [olderThanMinutes, clientId ?? null],
  );
  return rows;
}
