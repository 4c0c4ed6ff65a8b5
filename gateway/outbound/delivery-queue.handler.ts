import { DELIVERY_QUEUED } from '../../core/outbound/outbound-queue';
import type { EventEnvelope } from '../../core/model/events';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../messaging/envelope-transport/envelope-handlers.decorator';
import { DeliveryWorker } from './delivery.worker';

/**
 * Moves queued outbound messages from RabbitMQ onto the bull delivery queue. Adding the job is
 * not part of the transaction, but the job id is the message id, so a redelivered event adds
 * nothing new.
 */
@EnvelopeHandlers('delivery')
export class DeliveryQueueHandler {
  constructor(private readonly worker: DeliveryWorker) {}

  @OnEvent(DELIVERY_QUEUED)
  async messageQueued(envelope: EventEnvelope<typeof DELIVERY_QUEUED>): Promise<void> {
    await this.worker.schedule(envelope.payload.messageId, envelope.payload.attempt);
  }
}
