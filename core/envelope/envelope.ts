import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TradeRefsSchema, type TradeRefs } from '../model/trade-refs';

const isoWithZone = z.iso.datetime({ offset: true });

/** Where an envelope's content came from. */
export const EnvelopeSourceSchema = z.object({
  partnerId: z.string().min(1),
  connector: z.string().min(1),
  transport: z.string().min(1),
  format: z.string().min(1),
  messageType: z.string().optional(),
  messageRef: z.string().optional(),
  /** Id of the stored raw message this envelope was derived from. */
  messageId: z.string().uuid().optional(),
});

/**
 * The canonical envelope every event on `trade.events` carries. `payload` is a canonical
 * document of `documentType`, validated against its schema before the envelope is built.
 */
export const EnvelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.string().regex(/^[a-z]+\.[a-z-]+\.[a-z-]+$/, 'routing key <domain>.<entity>.<event>'),
  documentType: z.string().min(1),
  version: z.string().min(1),
  occurredAt: isoWithZone,
  receivedAt: isoWithZone,
  clientId: z.string().optional(),
  source: EnvelopeSourceSchema,
  refs: TradeRefsSchema,
  correlationId: z.string().min(1),
  causationId: z.string().optional(),
  payload: z.unknown(),
});

export type Envelope<P = unknown> = Omit<z.infer<typeof EnvelopeSchema>, 'payload'> & {
  payload: P;
};
export type EnvelopeSource = z.infer<typeof EnvelopeSourceSchema>;

export interface NewEnvelope<P> {
  type: string;
  documentType: string;
  version: string;
  payload: P;
  source: EnvelopeSource;
  refs: TradeRefs;
  receivedAt: string;
  occurredAt?: string;
  clientId?: string;
  correlationId?: string;
  causationId?: string;
}

/** Builds an envelope; the correlation defaults to the envelope's own id. */
export function createEnvelope<P>(input: NewEnvelope<P>): Envelope<P> {
  const id = randomUUID();
  return {
    id,
    type: input.type,
    documentType: input.documentType,
    version: input.version,
    occurredAt: input.occurredAt ?? input.receivedAt,
    receivedAt: input.receivedAt,
    clientId: input.clientId,
    source: input.source,
    refs: input.refs,
    correlationId: input.correlationId ?? id,
    causationId: input.causationId,
    payload: input.payload,
  };
}
