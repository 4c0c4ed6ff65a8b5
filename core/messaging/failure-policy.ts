import { formatLocation, TradeError, type ErrorKind } from '../errors/trade-error';

/** What the consumer runner does with a failed delivery. */
export interface Failure {
  kind: ErrorKind;
  /** Retried through the delay queues when true; dead-lettered at once otherwise. */
  transient: boolean;
  reason: string;
}

// PostgreSQL SQLSTATEs worth a retry: serialization failure, deadlock, admin/crash shutdown,
// cannot connect now, too many connections, lock not available; class 08 is checked apart.
const TRANSIENT_SQLSTATES = new Set([
  '40001',
  '40P01',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '55P03',
]);
const TRANSIENT_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const MAX_REASON = 1_000; // AMQP header tables are limited to 64 KiB in all

function isTransientCode(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return (
    TRANSIENT_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || TRANSIENT_ERRNOS.has(code)
  );
}

/**
 * Decides retry or dead-letter from the error alone: a TradeError's kind, else a connection or
 * concurrency error code from pg or the socket (transient), else 'internal' (dead-lettered).
 */
export function classifyFailure(err: unknown): Failure {
  if (err instanceof TradeError) {
    const where = formatLocation(err.location);
    return {
      kind: err.kind,
      transient: err.retryable,
      reason: truncate(`${err.message}${where ? ` at ${where}` : ''}`),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  const transient = isTransientCode(code);
  const tagged = typeof code === 'string' ? `${message} (${code})` : message;
  return { kind: transient ? 'transient' : 'internal', transient, reason: truncate(tagged) };
}

function truncate(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}
