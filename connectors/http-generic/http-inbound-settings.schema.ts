import { z } from 'zod';

/**
 * Webhook settings of a generic partner. Pushes fail closed: the partner declares one way they
 * are authenticated, or says `unsigned: true` (flagged to operators in GET /partners).
 */
export const HttpInboundSettingsSchema = z
  .object({
    kind: z.literal('http-inbound'),
    direction: z.enum(['in', 'out', 'both']).default('in'),
    /** HMAC: `X-TradeHub-Signature: sha256=<hex HMAC-SHA256(timestamp.body)>` and `X-TradeHub-Timestamp`. */
    webhookSecret: z.string().min(16).optional(),
    /** A shared token the partner sends in `tokenHeader` (compared in constant time). */
    sharedToken: z.string().min(16).optional(),
    tokenHeader: z.string().min(1).default('x-tradehub-token'),
    /**
     * Mutual TLS ended at a proxy: only requests from `trustedProxies` (peer addresses) count,
     * and the proxy's header must name one of the allowed certificate subjects.
     */
    clientCertificate: z
      .object({
        header: z.string().min(1).default('x-client-cert-subject'),
        subjects: z.array(z.string().min(1)).min(1),
        trustedProxies: z.array(z.string().min(1)).min(1),
      })
      .optional(),
    /** Accept pushes nobody signed. Wins over the fields above (e.g. for a local load test). */
    unsigned: z.boolean().default(false),
    /** Header carrying the partner's own message id, used to detect resends. */
    messageIdHeader: z.string().default('x-message-id'),
    /** Signed requests older than this are replays and refused. */
    maxSkewSeconds: z.number().int().positive().default(300),
  })
  .superRefine((s, ctx) => {
    const declared = [s.webhookSecret, s.sharedToken, s.clientCertificate].filter(Boolean);
    if (declared.length === 0 && !s.unsigned)
      ctx.addIssue({
        code: 'custom',
        path: ['webhookSecret'],
        message:
          'declare how pushes are authenticated: webhookSecret, sharedToken, clientCertificate, or unsigned: true',
      });
    if (declared.length > 1)
      ctx.addIssue({
        code: 'custom',
        message: 'declare one of webhookSecret, sharedToken, clientCertificate',
      });
  });
export type HttpInboundSettings = z.infer<typeof HttpInboundSettingsSchema>;
