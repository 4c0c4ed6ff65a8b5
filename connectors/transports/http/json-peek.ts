type Obj = Record<string, unknown>;

/**
 * Connectors read a field or two of a partner answer (a reference, a status, a result code)
 * to drive the transport; the full reading is the mapping's. Invalid JSON peeks as undefined.
 */
export function peekJson(body: string | Buffer): unknown {
  try {
    return JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : body) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON object of a body, or an empty object when it is not one. */
export function peekObject(body: string | Buffer): Obj {
  const value = peekJson(body);
  return isObject(value) ? value : {};
}

/** A non-empty string (or a number, as text) at `key`. */
export function textAt(obj: unknown, key: string): string | undefined {
  if (!isObject(obj)) return undefined;
  const v = obj[key];
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v !== '' ? v : undefined;
}
