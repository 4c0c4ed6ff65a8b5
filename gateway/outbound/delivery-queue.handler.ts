import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../core/envelope/envelope';
import type { EnvelopeHandler } from '../../core/messaging/envelope-consumer';
import { DELIVERY_QUEUED, type DeliveryQueuedPayload } from '../../core/outbound/outbound-queue';
import { DomainHandler } from '../messaging/domain-handler.decorator';
import { DeliveryWorker } from './delivery.worker';

/**
 * Moves queued outbound messages from RabbitMQ onto the bull delivery queue. Adding the job is
 * not part of the transaction, but the job id is the message id, so a redelivered event adds
 * nothing new.
 */
@Injectable()
@DomainHandler()
export class DeliveryQueueHandler implements EnvelopeHandler {
  readonly name = 'delivery';
  readonly bindings = [DELIVERY_QUEUED];

  constructor(private readonly worker: DeliveryWorker) {}

  async handle(envelope: Envelope, _tx: PoolClient): Promise<void> {
    const payload = envelope.payload as DeliveryQueuedPayload;
    await this.worker.schedule(payload.messageId, payload.attempt);
  }
}
