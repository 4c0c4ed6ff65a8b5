import type { PoolClient } from 'pg';
import type { Logger } from '../../core/logging/logger';
import type { OutboundQueue } from '../../core/outbound/outbound-queue';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import { nextControlNumber } from '../../core/storage/control-numbers';
import type { MessageRow } from '../../core/storage/message.repository';
import type { Detection, FormatId } from '../../core/translation/contract';
import { acknowledgementFor } from '../../mappings/acknowledgements/acknowledgements';
import type { Translation } from '../../mappings/pipeline/translate';

function formatSettings(partner: PartnerRecord, d: Detection): Record<string, unknown> {
  const inbound = partner.formats.filter((f) => f.format === d.format && f.direction !== 'out');
  const entry = inbound.find((f) => f.messageType === d.messageType) ?? inbound[0];
  return entry?.settings ?? {};
}

/**
 * Answers a processed inbound message with its standard acknowledgement (EDIFACT CONTRL,
 * X12 997) when the partner's settings ask for it (`acknowledge: true`): generated from the
 * raw bytes and the outcome, numbered, stored and queued in the normalizer's transaction over
 * the partner's outbound transport. A generator failure never fails the normalization.
 */
export class AcknowledgementHook {
  constructor(
    /** The manifest's rule: whether partners of a connector may be answered in a format. */
    private readonly acknowledges: (connector: string, format: FormatId) => boolean,
    private readonly outbound: OutboundQueue,
    private readonly logger?: Logger,
  ) {}

  async acknowledge(
    tx: PoolClient,
    message: MessageRow,
    partner: PartnerRecord,
    raw: Buffer,
    translation: Translation,
  ): Promise<string | undefined> {
    const detection = translation.detection;
    if (partner.settings.acknowledge !== true || !detection) return undefined;
    if (!this.acknowledges(partner.connector, detection.format)) return undefined;
    const generate = acknowledgementFor(detection);
    if (!generate) return undefined;
    const transport = partner.transports.find(
      (t) => t.direction !== 'in' && t.kind !== 'http-inbound',
    );
    if (!transport) {
      this.logger?.warn(
        { partner: partner.id },
        'acknowledgement asked for, but no outbound transport',
      );
      return undefined;
    }
    let rendered;
    try {
      rendered = generate({
        raw,
        detection,
        failure: translation.errors[0],
        controlNumber: await nextControlNumber(tx, partner.id),
        at: new Date().toISOString(),
        partnerId: partner.id,
        settings: formatSettings(partner, detection),
      });
    } catch (err) {
      this.logger?.warn({ partner: partner.id, messageId: message.id, err }, 'no acknowledgement');
      return undefined;
    }
    if (!rendered) return undefined;
    return this.outbound.queue(tx, {
      partnerId: partner.id,
      connector: partner.connector,
      transport: transport.kind,
      rendered,
      clientId: message.clientId,
      correlationId: message.correlationId ?? message.id,
      causationId: message.id,
    });
  }
}
