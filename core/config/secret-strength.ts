/** The development default admin key: refused anywhere but development. */
export const DEV_ADMIN_API_KEY = 'dev-admin-key-change-me';

// Defaults that were ever shipped in this repository (compose, README, development).
const KNOWN_ADMIN_KEYS = new Set([DEV_ADMIN_API_KEY, 'change-me-admin-key-0001']);
// Words that mark a placeholder someone forgot to replace.
const PLACEHOLDER = /change-?me|changeit|example|default|password|secret|placeholder|dummy/i;

/**
 * Why a SECRETS_KEY is unfit for production, if it is. 32 random bytes have about 31 distinct
 * values; fewer than 16 means a pattern (all zero, a repeated byte or pair, a typed phrase).
 */
export function weakSecretsKey(key: Buffer): string | undefined {
  if (new Set(key).size < 16)
    return 'SECRETS_KEY: too regular for production (all-zero or repeated bytes); use `openssl rand -hex 32`';
  return undefined;
}

/** Why an ADMIN_API_KEY is unfit for production, if it is: a known default or a placeholder. */
export function weakAdminKey(key: string): string | undefined {
  if (KNOWN_ADMIN_KEYS.has(key))
    return 'ADMIN_API_KEY: a default shipped with TradeHub is refused in production';
  if (PLACEHOLDER.test(key))
    return 'ADMIN_API_KEY: looks like a placeholder; use `openssl rand -hex 24`';
  if (new Set(key).size < 10)
    return 'ADMIN_API_KEY: too few distinct characters for production; use `openssl rand -hex 24`';
  return undefined;
}
