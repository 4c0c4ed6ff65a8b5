// PostgreSQL SQLSTATEs of a server going away, not yet taking connections or out of a resource:
// 57P01 admin shutdown (pg_ctl -m fast), 57P02 crash shutdown, 57P03 "the database system is
// starting up", class 08 connection exceptions, class 53 insufficient resources (53100 disk
// full, 53200 out of memory, 53300 too many connections): the same work succeeds once the
// server has room again, as the fault suite's disk-full and connections-exhausted runs show.
const OUTAGE_SQLSTATES = /^(57P0[123]|08\d\d\d|53\d\d\d)$/;
const OUTAGE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTCONN',
]);
// What pg and ioredis say when a connection dies without an errno.
const OUTAGE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection is closed/i,
  /max retries per request/i,
];

/**
 * Whether an error says a dependency (PostgreSQL, Redis, RabbitMQ) is down or restarting, as
 * opposed to a fault in the work itself: such work is retried later, and an HTTP caller is told
 * 503 with Retry-After rather than 500. Follows `cause` chains (TradeError, AggregateError).
 */
export function isDependencyOutage(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (OUTAGE_SQLSTATES.test(e.code) || OUTAGE_ERRNOS.has(e.code)))
    return true;
  if (typeof e.message === 'string' && OUTAGE_MESSAGES.some((m) => m.test(e.message as string)))
    return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDependencyOutage(inner, depth + 1)))
    return true;
  return isDependencyOutage(e.cause, depth + 1);
}
