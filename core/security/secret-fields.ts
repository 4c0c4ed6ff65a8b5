import { isSecretKey, REDACTED } from './redact';

/** How an API answer shows a secret: whether it is set, never its value. */
export const SECRET_SET = Object.freeze({ set: true });

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);

/** A copy for API answers: every secret-named string field becomes `{ "set": true }`. */
export function showSecretsAsSet<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: Json) => showSecretsAsSet(v)) as T;
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value))
    out[key] = typeof v === 'string' && isSecretKey(key) ? { ...SECRET_SET } : showSecretsAsSet(v);
  return out as T;
}

// What a GET answer (or an older redacted one) put in place of a secret.
function standsForStored(v: Json): boolean {
  return v === REDACTED || (isObject(v) && v.set === true && Object.keys(v).length === 1);
}

/**
 * The record to store from one sent back by an operator: a secret that is omitted, `[redacted]`
 * or `{ "set": true }` keeps the stored value, so a GET -> PUT round trip changes no secret.
 * A secret changes only when a new value is written out; `null` removes it. Objects are
 * matched by key and arrays (transports) by position.
 */
export function keepStoredSecrets(incoming: Json, stored: Json): Json {
  if (Array.isArray(incoming))
    return incoming.map((v: Json, i) =>
      keepStoredSecrets(v, Array.isArray(stored) ? stored[i] : undefined),
    );
  if (!isObject(incoming)) return incoming;
  const before = isObject(stored) ? stored : {};
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(incoming)) {
    if (!isSecretKey(key)) out[key] = keepStoredSecrets(v, before[key]);
    else if (v === null) continue;
    else if (standsForStored(v)) {
      if (typeof before[key] === 'string') out[key] = before[key];
    } else out[key] = v;
  }
  for (const [key, v] of Object.entries(before))
    if (isSecretKey(key) && typeof v === 'string' && !(key in incoming)) out[key] = v;
  return out;
}
