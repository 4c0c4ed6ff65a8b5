import { rawOf } from '../../core/storage/payloads';
import type { Queryable } from '../../core/storage/queryable';
import { isObject, peekJson, textAt } from '../transports/http/json-peek';

export interface PushedOrders {
  /** Order numbers of the code 3 pushes received after the cursor. */
  orderSns: string[];
  /** The cursor after them (the last push's received_at, as PostgreSQL wrote it). */
  cursor?: string;
}

/** The order number of a code 3 push body, in the direct or the lost-push form. */
export function pushedOrderSn(raw: Buffer): string | undefined {
  const push = peekJson(raw);
  if (!isObject(push) || textAt(push, 'code') !== '3' || !isObject(push.data)) return undefined;
  const data = isObject(push.data.data) ? push.data.data : push.data;
  return textAt(data, 'ordersn');
}

/**
 * The pushes a partner's webhook stored (originals only, resends are duplicates), read from
 * the message store in arrival order: the webhook acknowledges at once, the order detail is
 * fetched here, from what was stored.
 */
export async function pushedOrdersSince(
  db: Queryable,
  partnerId: string,
  cursor: string | undefined,
  limit: number,
): Promise<PushedOrders> {
  const result = await db.query<{ raw: Buffer; at: string }>(
    `SELECT COALESCE(${rawOf('m')}, ''::bytea) AS raw, m.received_at::text AS at FROM messages m
      WHERE m.direction = 'in' AND m.partner_id = $1 AND m.transport <> 'shopee-api'
        AND m.duplicate_of IS NULL AND m.received_at > COALESCE($2::timestamptz, '-infinity')
      ORDER BY m.received_at LIMIT $3`,
    [partnerId, cursor ?? null, limit],
  );
  const orderSns = result.rows.map((r) => pushedOrderSn(r.raw)).filter((o): o is string => !!o);
  return { orderSns: [...new Set(orderSns)], cursor: result.rows.at(-1)?.at ?? cursor };
}
