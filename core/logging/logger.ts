import pino, { type DestinationStream, type Logger } from 'pino';
import { redactSecrets } from '../security/redact';
import { serializeErrors } from './serialize-error';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Errors are turned into plain objects first (message, code, cause
 * chain, detail), then every logged object passes the secret redaction: the other order
 * would hand the redaction an Error whose message and stack are not enumerable, and log `{}`.
 */
export function createLogger(
  level: string,
  name = 'tradehub',
  destination?: DestinationStream,
): Logger {
  const options = {
    name,
    level,
    formatters: { log: (obj: Record<string, unknown>) => redactSecrets(serializeErrors(obj)) },
    // Already plain: pino's own error serializer would rename the type to `Object`.
    serializers: { err: (err: unknown) => err },
  };
  return destination ? pino(options, destination) : pino(options);
}
