import type { PoolClient } from 'pg';
import { createEnvelope, type Envelope } from '../../core/envelope/envelope';
import { deterministicUuid } from '../../core/envelope/deterministic-id';
import { TradeError } from '../../core/errors/trade-error';
import type { MessageReceivedPayload } from '../../core/ingest/message-intake';
import { enqueueEnvelope } from '../../core/messaging/outbox';
import { getDocumentDefinition, validateDocument } from '../../core/model/documents';
import { mergeRefs, refPairs } from '../../core/model/trade-refs';
import { attributeClient } from '../../core/partners/client-attribution';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import { DocumentRepository } from '../../core/storage/document.repository';
import { MessageRepository, type MessageRow } from '../../core/storage/message.repository';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';
import { translate, type Translation } from '../../mappings/pipeline/translate';
import type { MetricsService } from '../operations/metrics.service';
import type { AcknowledgementHook } from './acknowledgement.hook';

/**
 * Turns a stored raw message into canonical envelopes: detect, parse, map, validate, then, in
 * the consumer's transaction, store documents and references and put the envelopes in the
 * outbox. A failure quarantines the whole message (state 'failed' with stage, reason and
 * location) so it can be replayed as one unit once fixed.
 */
export class NormalizerService {
  private readonly messages = new MessageRepository();
  private readonly documents = new DocumentRepository();

  constructor(
    private readonly partners: PartnerRegistry,
    private readonly formats: FormatRegistry,
    private readonly metrics: MetricsService,
    private readonly acks?: AcknowledgementHook,
  ) {}

  async normalize(event: Envelope<MessageReceivedPayload>, tx: PoolClient): Promise<void> {
    const { messageId, generation } = event.payload;
    const message = await this.messages.get(tx, messageId, true);
    if (!message)
      throw new TradeError('rejected', `message ${messageId} not found`, { stage: 'detect' });
    // A replay of a processed message needs a newer generation than the run that processed it.
    if (message.state === 'processed' && generation === 0) return;
    const partner = this.partners.find(message.partnerId);
    if (!partner) {
      await this.fail(tx, message, {
        stage: 'detect',
        kind: 'config',
        message: `unknown partner ${message.partnerId}`,
      });
      return;
    }
    const raw = (await this.messages.raw(tx, messageId))!;
    const translation = translate(raw, {
      registry: this.formats,
      context: {
        partnerId: partner.id,
        clientId: message.clientId ?? partner.clientId,
        receivedAt: message.receivedAt,
      },
      hints: partner.formats,
      validate: (type, payload) => validateDocument(type, payload),
      requireMapping: true,
    });
    const d = translation.detection;
    const facts = {
      format: d?.format,
      standard: d?.standard,
      version: d?.version,
      messageType: d?.messageType,
    };
    if (translation.errors.length > 0 || translation.messages.length === 0) {
      await this.messages.describe(tx, messageId, facts);
      await this.fail(
        tx,
        message,
        translation.errors[0] ?? {
          stage: 'parse',
          kind: 'rejected',
          message: 'no message in input',
        },
      );
    } else {
      await this.publish(tx, message, partner, translation, generation, event.id);
      await this.messages.describe(tx, messageId, facts);
    }
    // Only the first run answers the partner; a replay is our business, not theirs.
    if (generation === 0) await this.acks?.acknowledge(tx, message, partner, raw, translation);
  }

  private async publish(
    tx: PoolClient,
    message: MessageRow,
    partner: PartnerRecord,
    translation: Translation,
    generation: number,
    causationId: string,
  ) {
    const envelopes = translation.messages.flatMap((m) =>
      m.documents.map((doc, i) => ({
        doc,
        message: m,
        name: `${message.id}:${generation}:${m.decoded.index}:${i}`,
      })),
    );
    const refsOf = envelopes.map(({ doc }) =>
      mergeRefs(getDocumentDefinition(doc.documentType).refs(doc.payload as never), doc.refs),
    );
    const clientId =
      message.clientId ??
      (await attributeClient(
        tx,
        partner,
        envelopes.map((e) => e.doc.payload),
        refsOf.flatMap((r) => refPairs(r).map((p) => p.value)),
      ));
    for (const [i, { doc, message: m, name }] of envelopes.entries()) {
      const definition = getDocumentDefinition(doc.documentType);
      const envelope = {
        ...createEnvelope({
          type: doc.eventType,
          documentType: doc.documentType,
          version: definition.version,
          payload: doc.payload,
          occurredAt: doc.occurredAt,
          receivedAt: message.receivedAt,
          clientId: clientId ?? undefined,
          source: {
            partnerId: partner.id,
            connector: partner.connector,
            transport: message.transport,
            format: m.decoded.detection.format,
            messageType: m.decoded.detection.messageType,
            messageRef: m.decoded.messageRef,
            messageId: message.id,
          },
          refs: refsOf[i],
          correlationId: message.correlationId ?? message.id,
          causationId,
        }),
        id: deterministicUuid(name),
      };
      if (await this.documents.insert(tx, envelope, message.id))
        await enqueueEnvelope(tx, envelope);
    }
    await this.messages.describe(tx, message.id, { clientId: clientId ?? null });
    const warnings = translation.messages.flatMap((m) => m.warnings);
    await this.messages.setState(tx, message.id, 'processed', {
      stage: 'publish',
      detail: { documents: envelopes.length, ...(warnings.length ? { warnings } : {}) },
    });
    this.metrics.messageState('in', partner.id, translation.detection?.messageType, 'processed');
    this.metrics.observeLatency(message.receivedAt);
  }

  private async fail(
    tx: PoolClient,
    message: MessageRow,
    issue: { stage: TradeError['stage']; kind: string; message: string; location?: object },
  ) {
    await this.messages.setState(tx, message.id, 'failed', {
      stage: issue.stage,
      reason: issue.message,
      location: issue.location,
      detail: { kind: issue.kind },
    });
    this.metrics.messageState('in', message.partnerId, message.messageType ?? undefined, 'failed');
  }
}
