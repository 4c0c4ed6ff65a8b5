import { z } from 'zod';
import { HttpSettingsSchema } from '../transports/http/http-settings.schema';

const direction = (value: 'in' | 'out' | 'both') => z.enum(['in', 'out', 'both']).default(value);

/**
 * Pushes from Shopee: the partner key signs them over the callback URL exactly as registered
 * with `v2.push.set_app_push_config` (behind a proxy the URL we see may differ, so it is set).
 */
export const ShopeePushSettingsSchema = z.object({
  kind: z.literal('http-inbound'),
  direction: direction('in'),
  partnerKey: z.string().min(8),
  callbackUrl: z.url(),
});
export type ShopeePushSettings = z.infer<typeof ShopeePushSettingsSchema>;

/**
 * The Open Platform v2 API of one authorised shop: the app's partner id and key, the shop id,
 * and the refresh token of the shop's authorisation (30 days; renewed on each refresh).
 */
export const ShopeeApiSettingsSchema = z.object({
  kind: z.literal('shopee-api'),
  direction: direction('both'),
  baseUrl: z.url().default('https://partner.shopeemobile.com'),
  partnerId: z.number().int().positive(),
  partnerKey: z.string().min(8),
  shopId: z.number().int().positive(),
  refreshToken: z.string().min(1),
  /** Refresh this long before the access token (4 h) expires. */
  refreshMarginSeconds: z.number().int().min(0).default(300),
  http: HttpSettingsSchema.default(HttpSettingsSchema.parse({})),
});
export type ShopeeApiSettings = z.infer<typeof ShopeeApiSettingsSchema>;
