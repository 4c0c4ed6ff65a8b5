import { formatLocation, TradeError, type ErrorKind } from '../errors/trade-error';
import { isDependencyOutage } from '../resilience/dependency-outage';

/** What the consumer runner does with a failed delivery. */
export interface Failure {
  kind: ErrorKind;
  /** Retried through the delay queues when true; dead-lettered at once otherwise. */
  transient: boolean;
  /**
   * A dependency down or out of room (database restarting, disk full, no connection slot):
   * not the message's fault, so retried at the last delay for as long as it lasts, without
   * using up the retries a failing message gets.
   */
  outage?: boolean;
  reason: string;
}

// PostgreSQL SQLSTATEs of concurrency worth a retry: serialization failure, deadlock, too many
// connections, lock not available, a statement cancelled (57014: a handler's statement timeout,
// its work held up by a lock or a stuck query). A server going away is core/resilience's
// dependency outage.
const CONCURRENCY_SQLSTATES = new Set(['40001', '40P01', '53300', '55P03', '57014']);

const MAX_REASON = 1_000; // AMQP header tables are limited to 64 KiB in all

function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && CONCURRENCY_SQLSTATES.has(code)) || isDependencyOutage(err);
}

/**
 * Decides retry or dead-letter from the error alone: a TradeError's kind, else a dependency
 * outage (database restarting, connection lost, even wrapped) or a concurrency error from pg
 * (transient), else 'internal' (dead-lettered).
 */
export function classifyFailure(err: unknown): Failure {
  if (err instanceof TradeError) {
    const where = formatLocation(err.location);
    const outage = !err.retryable && err.kind === 'internal' && isDependencyOutage(err);
    return {
      kind: outage ? 'transient' : err.kind,
      transient: err.retryable || outage,
      outage: isDependencyOutage(err),
      reason: truncate(`${err.message}${where ? ` at ${where}` : ''}`),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  const transient = isTransient(err);
  const tagged = typeof code === 'string' ? `${message} (${code})` : message;
  return {
    kind: transient ? 'transient' : 'internal',
    transient,
    outage: isDependencyOutage(err),
    reason: truncate(tagged),
  };
}

function truncate(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}
