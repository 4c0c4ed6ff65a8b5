/** A logged error: what an operator needs to act, with the chain of causes behind it. */
export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  cause?: unknown;
  [field: string]: unknown;
}

const MAX_CAUSES = 8;

/** An Error as a plain object: name, message, stack, own fields (code, kind, detail) and cause. */
export function serializeError(err: Error, depth = 0): SerializedError {
  const out: SerializedError = { type: err.name, message: err.message, stack: err.stack };
  for (const [key, value] of Object.entries(err)) {
    if (key !== 'cause') out[key] = value instanceof Error ? serializeError(value) : value;
  }
  const cause = (err as { cause?: unknown }).cause;
  if (cause !== undefined && depth < MAX_CAUSES)
    out.cause = cause instanceof Error ? serializeError(cause, depth + 1) : cause;
  return out;
}

/** The log object with every top-level Error value serialized (`err`, `error`, `cause` ...). */
export function serializeErrors(obj: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(obj)) {
    if (!(value instanceof Error)) continue;
    out ??= { ...obj };
    out[key] = serializeError(value);
  }
  return out ?? obj;
}
