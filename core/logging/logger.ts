import pino, { type Logger } from 'pino';
import { redactSecrets } from '../security/redact';

export type { Logger } from 'pino';

/** Structured JSON logs; every logged object passes the secret redaction first. */
export function createLogger(level: string, name = 'tradehub'): Logger {
  return pino({
    name,
    level,
    formatters: { log: (obj) => redactSecrets(obj) },
    serializers: { err: pino.stdSerializers.err },
  });
}
