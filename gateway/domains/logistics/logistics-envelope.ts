import type { PoolClient } from 'pg';
import { createEnvelope, type Envelope } from '../../../core/envelope/envelope';
import { enqueueEnvelope } from '../../../core/messaging/outbox';
import type { TradeRefs } from '../../../core/model/trade-refs';

/** The connector name on envelopes the logistics module publishes itself. */
export const LOGISTICS_CONNECTOR = 'logistics';

export interface LogisticsEvent<P> {
  type: string;
  documentType: string;
  payload: P;
  refs: TradeRefs;
  /** The partner the fact concerns (the carrier, the warehouse). */
  partnerId: string;
  /** 'api' for operator requests, 'handler' for facts derived from other envelopes. */
  transport: 'api' | 'handler';
  clientId?: string | null;
  occurredAt?: string;
  correlationId?: string;
  /** The envelope that caused this one. */
  cause?: Envelope;
  /** The stored message the fact came from or went out as. */
  messageId?: string;
}

/** Publishes an envelope of the logistics module in the caller's transaction (outbox). */
export async function publishLogisticsEvent<P>(
  tx: PoolClient,
  e: LogisticsEvent<P>,
): Promise<string> {
  const envelope = createEnvelope({
    type: e.type,
    documentType: e.documentType,
    version: '1',
    payload: e.payload,
    source: {
      partnerId: e.partnerId,
      connector: LOGISTICS_CONNECTOR,
      transport: e.transport,
      format: 'canonical',
      messageType: e.documentType,
      ...(e.messageId ? { messageId: e.messageId } : {}),
    },
    refs: e.refs,
    receivedAt: new Date().toISOString(),
    occurredAt: e.occurredAt,
    clientId: e.clientId ?? e.cause?.clientId ?? undefined,
    correlationId: e.correlationId ?? e.cause?.correlationId,
    causationId: e.cause?.id,
  });
  await enqueueEnvelope(tx, envelope);
  return envelope.id;
}
