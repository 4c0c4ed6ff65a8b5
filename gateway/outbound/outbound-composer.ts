import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { TradeError } from '../../core/errors/trade-error';
import { getDocumentDefinition } from '../../core/model/documents';
import { mergeRefs, type TradeRefs } from '../../core/model/trade-refs';
import { OutboundQueue } from '../../core/outbound/outbound-queue';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { nextControlNumber } from '../../core/storage/control-numbers';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';
import { FORMAT_REGISTRY } from '../infra/tokens';
import { PARTNER_REGISTRY } from '../partners/partners.tokens';

export interface OutboundCommand {
  partnerId: string;
  documentType: string;
  payload: unknown;
  clientId?: string | null;
  correlationId?: string;
  causationId?: string;
  refs?: TradeRefs;
}

/**
 * Turns a canonical document a handler wants to send into the partner's own format and queues
 * it for delivery, all inside the handler's transaction: the partner record names the outbound
 * mapping (its format entry with direction 'out') and the transport to use.
 */
@Injectable()
export class OutboundComposer {
  constructor(
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    @Inject(FORMAT_REGISTRY) private readonly formats: FormatRegistry,
    private readonly outbound: OutboundQueue,
  ) {}

  async send(
    tx: PoolClient,
    command: OutboundCommand,
  ): Promise<{ messageId: string; messageRef: string }> {
    const partner = this.partners.get(command.partnerId);
    const entry = partner.formats.find(
      (f) =>
        f.direction !== 'in' &&
        f.mapping &&
        this.formats.outboundById(f.mapping).documentType === command.documentType,
    );
    if (!entry?.mapping) {
      throw new TradeError(
        'config',
        `partner ${partner.id} has no outbound format for ${command.documentType}`,
        { stage: 'map' },
      );
    }
    const transport = partner.transports.find(
      (t) => t.direction !== 'in' && t.kind !== 'http-inbound',
    );
    if (!transport)
      throw new TradeError('config', `partner ${partner.id} has no outbound transport`, {
        stage: 'deliver',
      });
    const mapping = this.formats.outboundById(entry.mapping);
    const controlRef = String(await nextControlNumber(tx, partner.id));
    const rendered = mapping.render(command.payload, {
      partnerId: partner.id,
      clientId: command.clientId ?? undefined,
      receivedAt: new Date().toISOString(),
      settings: entry.settings,
      controlRef,
    });
    const definition = getDocumentDefinition(command.documentType);
    const messageId = await this.outbound.queue(tx, {
      partnerId: partner.id,
      connector: partner.connector,
      transport: transport.kind,
      rendered,
      clientId: command.clientId,
      refs: mergeRefs(definition.refs(command.payload), command.refs),
      correlationId: command.correlationId,
      causationId: command.causationId,
    });
    return { messageId, messageRef: rendered.messageRef };
  }
}
