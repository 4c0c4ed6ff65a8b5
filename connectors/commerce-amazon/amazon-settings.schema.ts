import { z } from 'zod';
import { HttpSettingsSchema } from '../transports/http/http-settings.schema';

const direction = (value: 'in' | 'out') => z.enum(['in', 'out', 'both']).default(value);

/**
 * Notifications delivered by an EventBridge API destination: its connection sends a key in a
 * header (API key authorisation), checked in constant time.
 */
export const AmazonNotificationSettingsSchema = z.object({
  kind: z.literal('http-inbound'),
  direction: direction('in'),
  apiKeyHeader: z.string().min(1).default('x-api-key'),
  apiKey: z.string().min(16),
});
export type AmazonNotificationSettings = z.infer<typeof AmazonNotificationSettingsSchema>;

/**
 * The Selling Partner API of one seller: regional endpoint, marketplaces, and the LWA app
 * credentials with the seller's refresh token. Orders are polled by LastUpdateDate from a cursor.
 */
export const AmazonSpApiSettingsSchema = z.object({
  kind: z.literal('amazon-sp-api'),
  direction: direction('in'),
  endpoint: z.url().default('https://sellingpartnerapi-na.amazon.com'),
  tokenUrl: z.url().default('https://api.amazon.com/auth/o2/token'),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  refreshToken: z.string().min(1),
  sellerId: z.string().min(1),
  marketplaceIds: z.array(z.string().min(1)).min(1),
  /** First cursor when none is stored (ISO 8601). */
  startFrom: z.iso.datetime({ offset: true }).optional(),
  maxPages: z.number().int().min(1).default(20),
  /** getOrders: burst 20, then one call per minute (0.0167 rps). */
  ordersBurst: z.number().int().min(1).default(20),
  http: HttpSettingsSchema.default(HttpSettingsSchema.parse({})),
});
export type AmazonSpApiSettings = z.infer<typeof AmazonSpApiSettingsSchema>;
