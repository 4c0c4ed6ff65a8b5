import { z } from 'zod';
import type { ConnectorManifest } from '../../core/connector/contract';
import { HttpOutboundSettingsSchema } from './transport/http-outbound.transport';

/** Inbound webhook settings: optional HMAC signature over the raw body. */
export const HttpInboundSettingsSchema = z.object({
  kind: z.literal('http-inbound'),
  /** When set, requests must carry `X-TradeHub-Signature: sha256=<hex HMAC-SHA256(timestamp.body)>`. */
  webhookSecret: z.string().min(16).optional(),
  /** Header carrying the partner's own message id, used to detect resends. */
  messageIdHeader: z.string().default('x-message-id'),
  /** Signed requests older than this are replays and refused. */
  maxSkewSeconds: z.number().int().positive().default(300),
});

/** A partner that pushes JSON (or any body) over HTTPS and receives messages the same way. */
export const httpGenericManifest: ConnectorManifest = {
  id: 'http-generic',
  kind: 'generic',
  description: 'Generic HTTP partner: webhook in (optionally HMAC-signed), HTTP POST out',
  transports: ['http-inbound', 'http-outbound'],
  messageTypes: { in: ['generic.order'], out: ['*'] },
  transportSchemas: {
    'http-inbound': HttpInboundSettingsSchema,
    'http-outbound': HttpOutboundSettingsSchema,
  },
};
