import { isAxiosError } from 'axios';
import { TradeError, type Stage } from '../../../core/errors/trade-error';
import { summarizeErrorBody } from './error-body';

// Statuses a later attempt can cure; every other 4xx means the partner refused the content
// or our configuration, and repeating the same request would not help.
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

// Network failures that name a setting, not a passing outage.
const CONFIG_CODES = new Set([
  'ERR_INVALID_URL',
  'ERR_BAD_OPTION',
  'ERR_BAD_OPTION_VALUE',
  'EPOLICY',
]);

const NETWORK_CLASSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ETIMEDOUT: 'timed out',
  ECONNABORTED: 'timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'host unreachable',
  EPOLICY: 'refused by the outbound URL policy',
  TLS: 'TLS failure',
  ERR_INVALID_URL: 'invalid URL',
  ERR_FR_TOO_MANY_REDIRECTS: 'too many redirects',
  ERR_FR_REDIRECTION_FAILURE: 'redirect failed',
};

/**
 * The error code of a network failure: the first known one along the causes (axios wraps the
 * socket's error, follow-redirects wraps a refused redirect); TLS codes are many.
 */
function networkCode(err: unknown): string | undefined {
  const codes: string[] = [];
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (typeof e.code === 'string') codes.push(e.code);
  const known = codes.find((c) => c === 'EPOLICY') ?? codes.find((c) => NETWORK_CLASSES[c]);
  if (known) return known;
  return codes.some((c) => /CERT|TLS|SSL/.test(c)) ? 'TLS' : codes[0];
}

/**
 * Turns an HTTP failure into a TradeError whose kind decides retry or final failure:
 * no answer, 408/425/429/5xx -> transient; 401/403 -> config (credentials); other 4xx ->
 * rejected (the partner refused the content). The partner's error text is kept in the message.
 */
export function classifyHttpError(
  err: unknown,
  what: string,
  stage: Stage = 'deliver',
): TradeError {
  if (err instanceof TradeError) return err;
  if (!isAxiosError(err)) return TradeError.from(err, 'internal', stage);
  const status = err.response?.status;
  if (status === undefined) {
    const code = networkCode(err);
    const kind = code && CONFIG_CODES.has(code) ? 'config' : 'transient';
    // A class, not the socket's own text: that named addresses and ports to anyone reading
    // the history (the cause keeps it for the logs).
    return new TradeError(kind, `${what}: ${NETWORK_CLASSES[code ?? ''] ?? 'network error'}`, {
      stage,
      cause: err,
      code,
    });
  }
  return classifyStatus(status, err.response?.data, what, stage, retryAfterMs(err));
}

/**
 * The same rules for an answer already in hand. A transient error carries the wait the partner
 * asked for (Retry-After), which the delivery job's back-off honours.
 */
export function classifyStatus(
  status: number,
  body: unknown,
  what: string,
  stage: Stage = 'deliver',
  retryAfter?: number,
): TradeError {
  const message = `${what}: HTTP ${status} ${summarizeErrorBody(body)}`.trimEnd();
  const options = { stage, code: String(status) };
  if (RETRYABLE_STATUS.has(status) || status >= 500)
    return new TradeError('transient', message, { ...options, retryAfterMs: retryAfter });
  if (status === 401 || status === 403) return new TradeError('config', message, options);
  return new TradeError('rejected', message, options);
}

/** Milliseconds a 429/503 asked us to wait, from Retry-After (seconds or HTTP date). */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  if (!isAxiosError(err)) return undefined;
  return parseRetryAfter(err.response?.headers?.['retry-after'], now);
}

export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
