import type { Pool } from 'pg';
import type {
  FileProtection,
  OutboundDelivery,
  OutboundTransport,
} from '../../core/connector/contract';
import { TradeError } from '../../core/errors/trade-error';
import type { Logger } from '../../core/logging/logger';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { ANSWERED_STATES, MessageRepository } from '../../core/storage/message.repository';
import type { MetricsService } from '../operations/metrics.service';

export interface DeliveryJob {
  messageId: string;
}

/**
 * Delivers one stored outbound message over its partner's transport and records every attempt.
 * Transient failures throw so bull retries with back-off; anything else fails for good.
 */
export class DeliveryService {
  constructor(
    private readonly pool: Pool,
    private readonly messages: MessageRepository,
    private readonly partners: PartnerRegistry,
    private readonly transports: Map<string, OutboundTransport>,
    private readonly metrics: MetricsService,
    private readonly logger: Logger,
    /** The file protection (PGP) of a partner's connector, when it has one. */
    private readonly protectionOf: (connector: string) => FileProtection | undefined = () =>
      undefined,
  ) {}

  /** Returns 'sent' or 'skipped'; throws a TradeError when the attempt failed. */
  async deliver(job: DeliveryJob, attempt: number): Promise<'sent' | 'skipped'> {
    const message = await this.messages.get(this.pool, job.messageId);
    if (!message)
      throw new TradeError('internal', `outbound message ${job.messageId} not found`, {
        stage: 'deliver',
      });
    // A redelivered queue event or a second job for a message already sent (or already
    // answered by the partner) does nothing.
    if (message.state === 'sent' || ANSWERED_STATES.includes(message.state)) return 'skipped';
    const partner = this.partners.get(message.partnerId);
    const settings = partner.transports.find(
      (t) => t.kind === message.transport && t.direction !== 'in',
    );
    const transport = this.transports.get(message.transport);
    if (!settings || !transport) {
      throw new TradeError(
        'config',
        `partner ${partner.id} has no usable ${message.transport} transport`,
        { stage: 'deliver' },
      );
    }
    await this.messages.countAttempt(this.pool, message.id);
    await this.messages.setState(this.pool, message.id, 'sending', {
      stage: 'deliver',
      detail: { attempt },
    });
    const raw = (await this.messages.raw(this.pool, message.id))!;
    const delivery: OutboundDelivery = {
      messageId: message.id,
      partnerId: partner.id,
      body: raw,
      contentType: message.contentType ?? 'application/octet-stream',
      messageType: message.messageType ?? 'unknown',
      fileName:
        typeof message.transportMeta.fileName === 'string'
          ? message.transportMeta.fileName
          : undefined,
      correlationId: message.correlationId ?? undefined,
    };
    // The stored body stays what the mapping rendered; what goes on the wire is protected
    // (signed, encrypted) at each attempt, so a changed key applies to the next retry.
    const protection = this.protectionOf(partner.connector);
    const wire = protection
      ? await protection.protect(delivery, partner, message.transport)
      : delivery;
    const receipt = await transport.send(wire, partner, settings).catch((err: unknown) => {
      throw markPartnerSide(err);
    });
    await this.messages.setState(
      this.pool,
      message.id,
      'sent',
      { stage: 'deliver', detail: { attempt, ...receipt.detail } },
      ANSWERED_STATES,
    );
    this.metrics.messageState('out', partner.id, message.messageType ?? undefined, 'sent');
    return 'sent';
  }

  /** Records a failed attempt; `final` marks the message failed for operators to see and retry. */
  async recordFailure(
    job: DeliveryJob,
    err: unknown,
    attempt: number,
    final: boolean,
  ): Promise<void> {
    const error = TradeError.from(err, 'internal', 'deliver');
    const note = {
      stage: 'deliver' as const,
      reason: error.message,
      detail: { attempt, kind: error.kind, final },
    };
    if (final) {
      await this.messages.setState(this.pool, job.messageId, 'delivery-failed', note);
      const message = await this.messages.get(this.pool, job.messageId);
      this.metrics.messageState(
        'out',
        message?.partnerId ?? 'unknown',
        message?.messageType ?? undefined,
        'delivery-failed',
      );
      this.logger.warn(
        { messageId: job.messageId, reason: error.message },
        'delivery failed for good',
      );
    } else {
      await this.messages.setState(this.pool, job.messageId, 'queued', {
        ...note,
        reason: `retry after: ${error.message}`,
      });
    }
  }
}

const PARTNER_SIDE = Symbol('partner side');

/** Marks a failure of the partner's end (a refused connection there is not our store's outage). */
function markPartnerSide(err: unknown): unknown {
  if (err && typeof err === 'object')
    Object.defineProperty(err, PARTNER_SIDE, { value: true, enumerable: false });
  return err;
}

/** True when the failure came from the partner's transport, not from the gateway's own services. */
export function isPartnerSide(err: unknown): boolean {
  return !!err && typeof err === 'object' && PARTNER_SIDE in err;
}
