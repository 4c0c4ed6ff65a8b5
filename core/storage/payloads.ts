/**
 * Raw payloads live in `message_payloads`, partitioned by the UTC month the message was received
 * (`payload_month(received_at)`, migration 0053, ADR 0019); payloads a month's disposal held
 * back sit in the held partition.
 */
export const HELD_MONTH = '9999-01-01';

const where = (m: string) =>
  `p.message_id = ${m}.id AND p.month = ANY(ARRAY[payload_month(${m}.received_at), '${HELD_MONTH}'::date])`;

/**
 * The raw bytes of the `messages` row aliased `m`, null once dropped: a correlated subquery, so
 * each lookup reads only the message's month and the held partition (pruned at run time), not
 * every month's index.
 */
export const rawOf = (m: string) => `(SELECT p.raw FROM message_payloads p WHERE ${where(m)})`;

/** Whether the `messages` row aliased `m` still has its raw bytes (see rawOf). */
export const hasRawOf = (m: string) =>
  `EXISTS (SELECT 1 FROM message_payloads p WHERE ${where(m)})`;
