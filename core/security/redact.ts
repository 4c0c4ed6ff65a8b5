/**
 * Secret settings are recognised by name, in one place: transports, webhooks and logs all use
 * this rule, so a new connector's `password` or `apiToken` is protected without extra code.
 */
export const SECRET_KEY_PATTERN =
  /(password|passphrase|secret|token|privatekey|apikey|partnerkey|clientsecret|credential)$/i;

export const REDACTED = '[redacted]';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key.replace(/[-_]/g, ''));
}

/** Deep-maps every secret-named string field through `fn`, leaving the rest untouched. */
export function mapSecrets<T>(value: T, fn: (secret: string, key: string) => string): T {
  if (Array.isArray(value)) return (value as unknown[]).map((v) => mapSecrets(v, fn)) as T;
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      out[key] = typeof v === 'string' && isSecretKey(key) ? fn(v, key) : mapSecrets(v, fn);
    }
    return out as T;
  }
  return value;
}

/** A copy safe for logs and API answers. */
export function redactSecrets<T>(value: T): T {
  return mapSecrets(value, () => REDACTED);
}
