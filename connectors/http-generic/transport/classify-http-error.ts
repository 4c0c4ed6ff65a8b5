import { isAxiosError } from 'axios';
import { TradeError } from '../../../core/errors/trade-error';

// Statuses a later attempt can cure; every other 4xx means the partner refused the content
// or our configuration, and repeating the same request would not help.
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Turns an HTTP failure into a TradeError whose kind decides retry or final failure. */
export function classifyHttpError(err: unknown, what: string): TradeError {
  if (!isAxiosError(err)) return TradeError.from(err, 'internal', 'deliver');
  const status = err.response?.status;
  if (status === undefined) {
    return new TradeError('transient', `${what}: ${err.code ?? 'network error'} ${err.message}`, {
      stage: 'deliver',
      cause: err,
    });
  }
  const body =
    typeof err.response?.data === 'string'
      ? err.response.data.slice(0, 300)
      : JSON.stringify(err.response?.data ?? '').slice(0, 300);
  const message = `${what}: HTTP ${status} ${body}`;
  if (RETRYABLE_STATUS.has(status) || status >= 500)
    return new TradeError('transient', message, { stage: 'deliver', code: String(status) });
  if (status === 401 || status === 403)
    return new TradeError('config', message, { stage: 'deliver', code: String(status) });
  return new TradeError('rejected', message, { stage: 'deliver', code: String(status) });
}

/** Seconds to wait that a 429/503 asked for, from Retry-After (seconds or HTTP date). */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  if (!isAxiosError(err)) return undefined;
  const header = err.response?.headers?.['retry-after'] as string | undefined;
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
