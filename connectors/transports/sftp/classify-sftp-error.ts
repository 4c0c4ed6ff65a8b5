import { TradeError, type Stage } from '../../../core/errors/trade-error';

// Network conditions a later attempt can cure.
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_NOT_CONNECTED',
  'ERR_GENERIC_CLIENT',
]);

// SFTP status codes (draft-ietf-secsh-filexfer-02): 2 no such file, 3 permission denied.
const NO_SUCH_FILE = new Set<unknown>([2, 'ENOENT', 'ERR_BAD_PATH', 'ENOTDIR']);
const PERMISSION_DENIED = new Set<unknown>([3, 'EACCES']);

/**
 * Turns an SSH/SFTP failure into a TradeError whose kind decides retry or operator action:
 * unreachable server and time-outs are transient; authentication, a host key that is not the
 * pinned one, permissions and missing folders are configuration.
 */
export function classifySftpError(
  err: unknown,
  what: string,
  stage: Stage,
  hostKeyMismatch?: { offered: string; pinned: string },
): TradeError {
  if (err instanceof TradeError) return err;
  const e = err as { message?: string; code?: string | number; level?: string };
  const message = `${what}: ${e?.message ?? String(err)}`;
  const detail = { target: what, ...(e?.code !== undefined ? { status: e.code } : {}) };
  const make = (kind: TradeError['kind'], code: string) =>
    new TradeError(kind, message, { stage, code, cause: err, detail });
  if (hostKeyMismatch) {
    const { offered, pinned } = hostKeyMismatch;
    return new TradeError(
      'config',
      `${what}: the server offered host key ${offered}, pinned is ${pinned}; nothing was read or written`,
      { stage, code: 'host-key-mismatch', cause: err, detail: { target: what, offered, pinned } },
    );
  }
  if (e?.level === 'client-authentication' || /authentication methods failed/i.test(message))
    return make('config', 'auth-failed');
  if (PERMISSION_DENIED.has(e?.code) || /permission denied/i.test(message))
    return make('config', 'permission-denied');
  if (NO_SUCH_FILE.has(e?.code) || /no such file/i.test(message))
    return make('config', 'no-such-path');
  if (
    TRANSIENT_CODES.has(String(e?.code)) ||
    e?.level === 'client-timeout' ||
    e?.level === 'client-socket' ||
    /timed out|time-out|timeout/i.test(message)
  )
    return make('transient', String(e?.code ?? 'timeout'));
  // An SFTP "failure" (status 4) or anything unknown: worth another attempt, then an operator.
  return make('transient', String(e?.code ?? 'sftp-failure'));
}
