import { z } from 'zod';
import { PartnerApiSettingsSchema } from '../transports/http/http-settings.schema';
import { DEFAULT_SINOSURE_PATHS } from './sinosure-api';

/** The insurer's API: base URL and credentials (OAuth2 or API key), a path per message type. */
export const SinosureSettingsSchema = PartnerApiSettingsSchema.extend({
  kind: z.literal('sinosure-api'),
  direction: z.enum(['in', 'out', 'both']).default('out'),
  paths: z
    .record(z.string(), z.string().regex(/^(POST|PUT) \/\S*$/, '"POST /path"'))
    .default(DEFAULT_SINOSURE_PATHS),
});
export type SinosureSettings = z.infer<typeof SinosureSettingsSchema>;
