import type { Queryable } from '../../core/storage/queryable';
import type { PollTarget } from './poll-schedule';

export interface PollHealth {
  partnerId: string;
  kind: string;
  index: number;
  intervalMs: number;
  lastRunAt?: string;
  ageSeconds: number;
  /** Not run within twice its interval: its schedule is lost or no worker takes it. */
  overdue: boolean;
}

/**
 * How long ago each target's schedule last ran (poll_state `last-run`, written by whichever
 * process polled). A target that never ran counts from `sinceMs` (this process scheduled it).
 */
export async function pollHealth(
  db: Queryable,
  targets: readonly PollTarget[],
  sinceMs: number,
  nowMs = Date.now(),
): Promise<PollHealth[]> {
  if (targets.length === 0) return [];
  const { rows } = await db.query<{ partner_id: string; transport: string; value: string }>(
    `SELECT partner_id, transport, value FROM poll_state
      WHERE key = 'last-run' AND partner_id = ANY($1::text[])`,
    [[...new Set(targets.map((t) => t.partnerId))]],
  );
  const lastRun = new Map(rows.map((r) => [`${r.partner_id}/${r.transport}`, r.value]));
  return targets.map((t) => {
    const lastRunAt = lastRun.get(`${t.partnerId}/${t.kind}/${t.index}`);
    const from = lastRunAt ? Date.parse(lastRunAt) : sinceMs;
    const ageMs = Math.max(0, nowMs - from);
    return {
      partnerId: t.partnerId,
      kind: t.kind,
      index: t.index,
      intervalMs: t.intervalMs,
      lastRunAt,
      ageSeconds: Math.round(ageMs / 1000),
      overdue: ageMs > 2 * t.intervalMs,
    };
  });
}
