import { signWebhook } from '../../connectors/http-generic/transport/webhook-signature';

/** The seeded acme-webshop's webhook secret when TRADEHUB_SEED_ACME_WEBSHOP_SECRET is unset. */
export const ACME_WEBSHOP_DEMO_SECRET = 'demo-only-acme-webshop-secret';

/** The secret a gateway started with these variables gave acme-webshop. */
export function acmeWebshopSecret(vars: Record<string, string | undefined> = {}): string {
  return vars.TRADEHUB_SEED_ACME_WEBSHOP_SECRET ?? ACME_WEBSHOP_DEMO_SECRET;
}

/** X-TradeHub-Timestamp and X-TradeHub-Signature for a generic partner's push. */
export function signedHeaders(
  secret: string,
  body: Buffer | string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  return {
    'x-tradehub-timestamp': timestamp,
    'x-tradehub-signature': signWebhook(secret, timestamp, Buffer.from(body)),
  };
}
