import type { TradeRefKind } from '../model/trade-refs';
import { MessageRepository, type MessageRow } from './message.repository';
import type { Queryable } from './queryable';

export interface MessageSearch {
  partnerId?: string;
  clientId?: string;
  direction?: 'in' | 'out';
  messageType?: string;
  format?: string;
  state?: string;
  from?: string;
  to?: string;
  /** Any trade reference value (orderNo, blNo, ...), optionally of one kind. */
  ref?: string;
  refKind?: TradeRefKind;
  limit?: number;
  /** Keyset cursor: the `receivedAt|id` of the last row of the previous page. */
  cursor?: string;
}

export interface MessagePage {
  items: MessageRow[];
  nextCursor?: string;
}

/** Operator search over the message store, newest first, with keyset paging. */
export async function searchMessages(db: Queryable, search: MessageSearch): Promise<MessagePage> {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    args.push(value);
    where.push(sql.replace('?', `$${args.length}`));
  };
  if (search.partnerId) add('m.partner_id = ?', search.partnerId);
  if (search.clientId) add('m.client_id = ?', search.clientId);
  if (search.direction) add('m.direction = ?', search.direction);
  if (search.messageType) add('m.message_type = ?', search.messageType);
  if (search.format) add('m.format = ?', search.format);
  if (search.state) add('m.state = ?', search.state);
  if (search.from) add('m.received_at >= ?::timestamptz', search.from);
  if (search.to) add('m.received_at < ?::timestamptz', search.to);
  if (search.ref) {
    args.push(search.ref);
    const valueArg = `$${args.length}`;
    let kindSql = '';
    if (search.refKind) {
      args.push(search.refKind);
      kindSql = ` AND r.kind = $${args.length}`;
    }
    // A reference can sit on the message itself or on a document derived from it.
    where.push(`m.id IN (SELECT COALESCE(r.message_id, d.message_id) FROM trade_refs r
      LEFT JOIN documents d ON d.id = r.document_id WHERE r.value = ${valueArg}${kindSql})`);
  }
  if (search.cursor) {
    const [at, id] = search.cursor.split('|');
    args.push(at, id);
    where.push(`(m.received_at, m.id) < ($${args.length - 1}::timestamptz, $${args.length}::uuid)`);
  }
  const limit = Math.min(Math.max(search.limit ?? 50, 1), 500);
  args.push(limit + 1);
  const sql = `SELECT ${MessageRepository.columns}
    FROM messages m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY m.received_at DESC, m.id DESC LIMIT $${args.length}`;
  const rows = (await db.query<MessageRow>(sql, args)).rows;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? `${last.receivedAt}|${last.id}` : undefined,
  };
}
