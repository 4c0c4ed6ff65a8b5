import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from '../../core/logging/logger';
import {
  recordWebhookAuthFailure,
  type WebhookAuthFailure,
} from '../../core/storage/webhook-auth-failures';
import { LOGGER, PG_POOL } from '../infra/tokens';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';

/** Keeps a trace of every refused push: a row (no body), a counter and a log line. */
@Injectable()
export class WebhookAuthRecorder {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(METRICS) private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async refused(failure: WebhookAuthFailure): Promise<void> {
    this.metrics.webhookRefused(failure.partnerId, failure.reason);
    this.logger.warn(failure, 'webhook refused');
    // The 401 stands even when the row cannot be written.
    await recordWebhookAuthFailure(this.pool, failure).catch((err: unknown) =>
      this.logger.error({ err, partner: failure.partnerId }, 'webhook refusal not recorded'),
    );
  }
}
