/**
 * The slice of a pino logger the messaging classes use, so core/ does not depend on the app's
 * logger set-up. A pino `Logger` satisfies it.
 */
export interface MessagingLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const noop = (): void => undefined;

/** Default when no logger is given: drops everything. */
export const silentLogger: MessagingLogger = { debug: noop, info: noop, warn: noop, error: noop };

/** Compact error form for log objects (pino would serialise `err` itself; keep it cheap). */
export function errInfo(err: unknown): { err: string; code?: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return {
    err: err instanceof Error ? err.message : String(err),
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
  };
}
