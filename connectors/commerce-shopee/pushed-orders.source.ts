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
    `SELECT raw, received_at::text AS at FROM messages
      WHERE direction = 'in' AND partner_id = $1 AND transport <> 'shopee-api'
        AND duplicate_of IS NULL AND received_at > COALESCE($2::timestamptz, '-infinity')
      ORDER BY received_at LIMIT $3`,
    [partnerId, cursor ?? null, limit],
  );
  const orderSns = result.rows.map((r) => pushedOrderSn(r.raw)).filter((o): o is string => !!o);
  return { orderSns: [...new Set(orderSns)], cursor: result.rows.at(-1)?.at ?? cursor };
}
