import Bull, { type Job, type Queue } from 'bull';
import type { AppConfig } from '../../core/config/config';
import { TradeError } from '../../core/errors/trade-error';
import type { Logger } from '../../core/logging/logger';
import {
  atLeastAsked,
  backoffMs,
  isDependencyOutage,
  type BackoffPolicy,
} from '../../core/resilience';
import { isPartnerSide, type DeliveryJob, type DeliveryService } from './delivery.service';

export const DELIVERY_QUEUE = 'outbound-delivery';

/**
 * Between delivery attempts: exponential back-off with jitter from DELIVERY_BACKOFF_MS, and at
 * least what the partner asked for (Retry-After, an open circuit), believed up to ten minutes.
 */
export function deliveryBackoff(baseMs: number): BackoffPolicy {
  return { baseMs, maxMs: 30 * 60_000, maxRetryAfterMs: 10 * 60_000, beyondBound: 'cap' };
}

/**
 * The error of a failed attempt. A dependency going away (PostgreSQL restarting: 57P03 "not yet
 * accepting connections", a dropped connection), even wrapped, is no fault of the message: it is
 * transient and tried again, not failed for good (the fault suite's postgres-restart-immediate
 * scenario found a CONTRL answer failed for good that way).
 */
export function deliveryError(err: unknown): TradeError {
  const error = TradeError.from(err, 'internal', 'deliver');
  if (error.kind !== 'internal' || !isDependencyOutage(err)) return error;
  return new TradeError('transient', error.message, { cause: err, stage: 'deliver' });
}

/**
 * The bull queue on Redis that delivers outbound messages: exponential back-off between
 * attempts, a final failure recorded in the store, jobs keyed by message so a message is never
 * queued twice at once.
 */
export class DeliveryWorker {
  readonly queue: Queue<DeliveryJob>;

  constructor(
    private readonly config: AppConfig,
    private readonly logger: Logger,
  ) {
    this.queue = new Bull<DeliveryJob>(DELIVERY_QUEUE, config.redis.url, {
      prefix: config.redis.bullPrefix,
      settings: {
        backoffStrategies: {
          partner: (attemptsMade: number, err: Error) => {
            const policy = deliveryBackoff(config.delivery.backoffMs);
            return atLeastAsked(backoffMs(attemptsMade, policy), err, policy);
          },
        },
      },
    });
  }

  /** Adds the delivery job; the job id makes a repeated add for the same attempt a no-op. */
  async schedule(messageId: string, redelivery: number): Promise<void> {
    await this.queue.add(
      { messageId },
      {
        jobId: redelivery === 0 ? messageId : `${messageId}:${redelivery}`,
        attempts: this.config.delivery.attempts,
        backoff: { type: 'partner' },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    );
  }

  start(service: DeliveryService, concurrency = 4): void {
    void this.queue.process(concurrency, async (job: Job<DeliveryJob>) => {
      const attempt = job.attemptsMade + 1;
      try {
        return await service.deliver(job.data, attempt);
      } catch (err) {
        const error = deliveryError(err);
        const final = !error.retryable || attempt >= (job.opts.attempts ?? 1);
        // An outage of our own store is no fault of the message: its last attempt is carried
        // over to a fresh job instead of failing it for good (with the failure unrecorded, as
        // the store is what is out: the fault suite found such messages stuck).
        if (final && isDependencyOutage(err) && !isPartnerSide(err))
          return this.carryOver(job, error);
        await service.recordFailure(job.data, error, attempt, final);
        // Only transient failures are worth another attempt.
        if (!error.retryable) await job.discard();
        throw error;
      }
    });
    this.queue.on('error', (err: Error) =>
      this.logger.error({ err: err.message, stack: err.stack }, 'delivery queue error'),
    );
  }

  /** Schedules the job's message again, after the longest back-off, under a job id of its own. */
  private async carryOver(job: Job<DeliveryJob>, error: TradeError): Promise<void> {
    const policy = deliveryBackoff(this.config.delivery.backoffMs);
    const delay = backoffMs(job.attemptsMade + 1, policy);
    this.logger.warn(
      { messageId: job.data.messageId, reason: error.message, delayMs: delay },
      'delivery held up by a dependency outage: carried over to a new job',
    );
    await this.queue.add(job.data, {
      jobId: `${String(job.id)}:outage:${Date.now()}`,
      delay,
      attempts: this.config.delivery.attempts,
      backoff: { type: 'partner' },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    });
  }

  async ping(): Promise<boolean> {
    const client = await this.queue.isReady();
    return (await client.client.ping()) === 'PONG';
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
