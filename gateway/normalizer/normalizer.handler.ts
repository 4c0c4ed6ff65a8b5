import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../core/envelope/envelope';
import { MESSAGE_RECEIVED, type MessageReceivedPayload } from '../../core/ingest/message-intake';
import type { Logger } from '../../core/logging/logger';
import type { EnvelopeHandler } from '../../core/messaging/envelope-consumer';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';
import { FORMAT_REGISTRY, LOGGER } from '../infra/tokens';
import { DomainHandler } from '../messaging/domain-handler.decorator';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';
import { PARTNER_REGISTRY } from '../partners/partners.tokens';
import { AcknowledgementHook } from './acknowledgement.hook';
import { NormalizerService } from './normalizer.service';

/** Takes every stored inbound message off its queue and normalizes it. */
@Injectable()
@DomainHandler()
export class NormalizerHandler implements EnvelopeHandler {
  readonly name = 'normalizer';
  readonly bindings = [MESSAGE_RECEIVED];
  private readonly service: NormalizerService;

  constructor(
    @Inject(PARTNER_REGISTRY) partners: PartnerRegistry,
    @Inject(FORMAT_REGISTRY) formats: FormatRegistry,
    @Inject(METRICS) metrics: MetricsService,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.service = new NormalizerService(
      partners,
      formats,
      metrics,
      new AcknowledgementHook(logger),
    );
  }

  handle(envelope: Envelope, tx: PoolClient): Promise<void> {
    return this.handleBatch([envelope], tx);
  }

  handleBatch(envelopes: Envelope[], tx: PoolClient): Promise<void> {
    return this.service.normalize(envelopes as Array<Envelope<MessageReceivedPayload>>, tx);
  }
}
