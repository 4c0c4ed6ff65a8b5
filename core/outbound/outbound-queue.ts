import type { PoolClient } from 'pg';
import { createEnvelope } from '../envelope/envelope';
import { enqueueEnvelope } from '../messaging/outbox';
import type { TradeRefs } from '../model/trade-refs';
import type { RenderedMessage } from '../translation/contract';
import { insertRefs } from '../storage/document.repository';
import type { MessageRepository } from '../storage/message.repository';

/** Routing key of the internal event that hands a stored outbound message to delivery. */
export const DELIVERY_QUEUED = 'delivery.message.queued';

export interface OutboundRequest {
  partnerId: string;
  connector: string;
  /** The partner transport kind to deliver over: 'http-outbound', 'sftp', ... */
  transport: string;
  rendered: RenderedMessage;
  clientId?: string | null;
  refs?: TradeRefs;
  correlationId?: string;
  causationId?: string;
}

export interface DeliveryQueuedPayload {
  messageId: string;
  partnerId: string;
  transport: string;
  /** Counts operator redeliveries, so each gets its own bull job. */
  attempt: number;
}

declare module '../model/events' {
  interface NonDocumentEvents {
    [DELIVERY_QUEUED]: DeliveryQueuedPayload;
  }
}

/**
 * Stores a rendered outbound message and, in the caller's transaction, the event that gets it
 * delivered. Nothing reaches a partner unless its bytes are in the store first.
 */
export class OutboundQueue {
  constructor(private readonly messages: MessageRepository) {}

  async queue(tx: PoolClient, request: OutboundRequest): Promise<string> {
    const messageId = await this.messages.insertOutbound(tx, {
      direction: 'out',
      partnerId: request.partnerId,
      clientId: request.clientId,
      transport: request.transport,
      raw: request.rendered.body,
      contentType: request.rendered.contentType,
      partnerRef: request.rendered.messageRef,
      format: request.rendered.format,
      messageType: request.rendered.messageType,
      transportMeta: request.rendered.fileName ? { fileName: request.rendered.fileName } : {},
      correlationId: request.correlationId,
      state: 'queued',
    });
    if (request.refs)
      await insertRefs(tx, request.refs, { messageId, clientId: request.clientId ?? null });
    await enqueueEnvelope(tx, deliveryEnvelope(request, messageId, 0));
    return messageId;
  }
}

export function deliveryEnvelope(
  request: Pick<
    OutboundRequest,
    'partnerId' | 'connector' | 'transport' | 'correlationId' | 'causationId' | 'clientId'
  >,
  messageId: string,
  attempt: number,
) {
  return createEnvelope<DeliveryQueuedPayload>({
    type: DELIVERY_QUEUED,
    documentType: 'DeliveryQueued',
    version: '1',
    payload: { messageId, partnerId: request.partnerId, transport: request.transport, attempt },
    source: {
      partnerId: request.partnerId,
      connector: request.connector,
      transport: request.transport,
      format: 'raw',
      messageId,
    },
    refs: {},
    receivedAt: new Date().toISOString(),
    clientId: request.clientId ?? undefined,
    correlationId: request.correlationId ?? messageId,
    causationId: request.causationId,
  });
}
