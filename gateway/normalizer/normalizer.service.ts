import type { PoolClient } from 'pg';
import { createEnvelope, type Envelope } from '../../core/envelope/envelope';
import { deterministicUuid } from '../../core/envelope/deterministic-id';
import { TradeError, type InputLocation, type Stage } from '../../core/errors/trade-error';
import type { FileProtection, OpenedFile } from '../../core/connector/contract';
import type { InboxItem } from '../../core/ingest/normalizer-inbox';
import { enqueueEnvelopes } from '../../core/messaging/outbox';
import { getDocumentDefinition, validateDocument } from '../../core/model/documents';
import { refPairs } from '../../core/model/trade-refs';
import { attributeClients } from '../../core/partners/client-attribution';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import { clearFailedRefs, insertDocuments } from '../../core/storage/document.repository';
import {
  applyOutcomes,
  lockMessages,
  type MessageOutcome,
  type MessageWithRaw,
} from '../../core/storage/message.repository';
import { isReadableAcknowledgement } from '../../mappings/acknowledgements/ack-receipt';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';
import { lenientRegistry, registryForChecks } from '../../mappings/pipeline/lenient-registry';
import { translate, type Translation } from '../../mappings/pipeline/translate';
import { insertFailedRefs, refsOfTranslation, salvageRefs } from './failed-refs';
import { partyIssue } from './party-check';
import type { MetricsService } from '../operations/metrics.service';
import { AckReceiptHook } from './ack-receipt.hook';
import type { TranslatePool } from './translate-pool';
import type { AcknowledgementHook } from './acknowledgement.hook';

type Issue = {
  stage?: Stage;
  kind: string;
  message: string;
  location?: InputLocation;
  code?: string;
};

/** The file protection (PGP) of a partner's connector, when it has one. */
export type FileProtectionOf = (connector: string) => FileProtection | undefined;

/** One message's way through this batch. */
interface Work {
  event: InboxItem;
  message: MessageWithRaw;
  /** What is parsed: the raw bytes, or what the connector's file protection opened. */
  body?: Buffer;
  /** What opening the file found (PGP: encrypted, signed by), for the message's history. */
  opened?: Record<string, unknown>;
  partner?: PartnerRecord;
  translation?: Translation;
  issue?: Issue;
  /** A partner's 997 or CONTRL: read and settled against our outbound message, not mapped. */
  ack?: boolean;
  /** What a settled acknowledgement did, for its own history. */
  settled?: Record<string, unknown>;
}

/**
 * Turns stored raw messages into canonical envelopes: detect, parse, map, validate (pure), then,
 * in the consumer's transaction, store documents and references, put the envelopes in the
 * outbox and record each message's outcome — a handful of multi-row statements per batch. A
 * failure quarantines the whole message (state 'failed' with stage, reason and location) so it
 * can be replayed as one unit once fixed.
 */
export class NormalizerService {
  private readonly receipts = new AckReceiptHook();
  private readonly lenientFormats: FormatRegistry;

  constructor(
    private readonly partners: PartnerRegistry,
    private readonly formats: FormatRegistry,
    private readonly metrics: MetricsService,
    private readonly acks?: AcknowledgementHook,
    private readonly large?: { pool: TranslatePool; minBytes: number },
    private readonly protectionOf: FileProtectionOf = () => undefined,
  ) {
    this.lenientFormats = lenientRegistry(formats);
  }

  async normalize(events: readonly InboxItem[], tx: PoolClient): Promise<void> {
    const messages = await lockMessages(tx, [...new Set(events.map((e) => e.messageId))]);
    const work: Work[] = [];
    for (const event of events) {
      const message = messages.get(event.messageId);
      if (!message)
        throw new TradeError('rejected', `message ${event.messageId} not found`, {
          stage: 'detect',
        });
      // A replay of a processed message needs a newer generation than the run that processed it.
      if (message.state === 'processed' && event.generation === 0) continue;
      work.push(await this.translateOne(event, message));
    }
    await this.settleAcknowledgements(work, tx);
    const published = work.filter((w) => !w.issue && !w.ack);
    const clients = await this.attribute(tx, published);
    const envelopes = published.flatMap((w, i) => (w.issue ? [] : this.envelopesOf(w, clients[i])));
    const fresh = await insertDocuments(tx, envelopes);
    // Stored as documents just above: the outbox rows refer to them (migration 0054).
    await enqueueEnvelopes(
      tx,
      envelopes
        .filter((e) => fresh.has(e.envelope.id))
        .map(({ envelope }) => ({ envelope, opts: { inDocuments: true } })),
    );
    await applyOutcomes(
      tx,
      work.map((w) => outcomeOf(w, clients[published.indexOf(w)])),
    );
    await this.indexFailedRefs(work, tx);
    for (const w of work) {
      // Only the first run answers the partner; a replay is our business, not theirs.
      if (w.event.generation === 0 && w.partner && w.translation) {
        await this.acks?.acknowledge(tx, w.message, w.partner, w.body!, w.translation);
      }
      this.metrics.messageState(
        'in',
        w.message.partnerId,
        w.translation?.detection?.messageType,
        w.issue ? 'failed' : 'processed',
      );
      if (!w.issue) this.metrics.observeLatency(w.message.receivedAt);
    }
  }

  /**
   * The client of each published message; a message naming a client its partner may not
   * speak for fails at 'receive' (operators see why in its history) and publishes nothing.
   */
  private async attribute(tx: PoolClient, published: Work[]): Promise<Array<string | undefined>> {
    const attributed = await attributeClients(
      tx,
      published.map((w) => ({
        partner: w.partner!,
        payloads: documentsOf(w).map((d) => d.payload),
        refValues: refsOf(w).flatMap((r) => refPairs(r).map((p) => p.value)),
      })),
    );
    return attributed.map((a, i) => {
      if (!('refused' in a)) return a.clientId;
      published[i].issue = { stage: 'receive', kind: 'rejected', message: a.refused };
      return undefined;
    });
  }

  private async settleAcknowledgements(work: Work[], tx: PoolClient): Promise<void> {
    const acks = work.filter((w) => w.ack && !w.issue);
    if (acks.length === 0) return;
    const settled = await this.receipts.settle(
      tx,
      acks.map((w) => ({ message: w.message, translation: w.translation! })),
    );
    for (const w of acks) {
      const s = settled.get(w.message.id)!;
      if ('issue' in s) w.issue = s.issue;
      else w.settled = s.detail;
    }
  }

  /**
   * A failed message keeps the references that could be read from it (leniently, if need be),
   * marked as from a failed message, so that its B/L or container finds it; a run that
   * succeeds later replaces them with its documents' references.
   */
  private async indexFailedRefs(work: Work[], tx: PoolClient): Promise<void> {
    await clearFailedRefs(
      tx,
      work.map((w) => w.message.id),
    );
    for (const w of work) {
      if (!w.issue || w.ack || !w.partner) continue;
      // A file that could not be opened (PGP) has nothing readable to salvage.
      if (!w.body) continue;
      const refs = salvageRefs(w.body, w.translation, this.lenient(w.partner, w.message));
      await insertFailedRefs(tx, refs, {
        messageId: w.message.id,
        clientId: w.message.clientId ?? w.partner.clientId ?? null,
      });
    }
  }

  private lenient(partner: PartnerRecord, message: MessageWithRaw) {
    return {
      registry: this.lenientFormats,
      context: {
        partnerId: partner.id,
        clientId: message.clientId ?? partner.clientId,
        receivedAt: message.receivedAt,
      },
      hints: partner.formats,
    };
  }

  private async translateOne(event: InboxItem, message: MessageWithRaw): Promise<Work> {
    const partner = this.partners.find(message.partnerId);
    if (!partner)
      return {
        event,
        message,
        issue: { stage: 'detect', kind: 'config', message: `unknown partner ${message.partnerId}` },
      };
    const opened = await this.open(message, partner);
    if ('issue' in opened) return { event, message, partner, issue: opened.issue };
    const { body, facts } = opened;
    // Acknowledgements have no canonical mapping: they are decoded and read, not mapped.
    const ack = isReadableAcknowledgement(this.formats.detect(body));
    const context = {
      partnerId: partner.id,
      clientId: message.clientId ?? partner.clientId,
      receivedAt: message.receivedAt,
      // In process the registry tells mappings the checks; the translate worker picks its
      // registry by this.
      checks: partner.settings.checks,
    };
    // A large message is parsed and mapped in a worker thread (bounded in number and memory),
    // so that it does not stop the event loop that serves HTTP and health.
    const translation =
      this.large && !ack && body.length >= this.large.minBytes
        ? await this.large.pool.translate(body, context, partner.formats)
        : translate(body, {
            // The partner's envelope checks, chosen as the CLI chooses them.
            registry: registryForChecks(partner.settings.checks, {
              strict: this.formats,
              lenient: this.lenientFormats,
            }),
            context,
            hints: partner.formats,
            validate: (type, payload) => validateDocument(type, payload),
            requireMapping: !ack,
          });
    // A file in this partner's folder from someone else is not theirs to map (stage receive).
    const foreign = partyIssue(translation, partner);
    if (foreign) translation.errors.unshift(foreign);
    const issue =
      translation.errors[0] ??
      (translation.messages.length === 0
        ? { stage: 'parse' as const, kind: 'rejected', message: 'no message in input' }
        : undefined);
    return { event, message, body, opened: facts, partner, translation, issue, ack };
  }

  /**
   * The connector's file protection opens the stored raw bytes before anything reads them
   * (ADR 0021): a refusal (unsigned, badly signed, not encrypted, wrong key) fails the message
   * at 'receive' with the reason and its code, raw kept for a replay once the keys are fixed.
   */
  private async open(
    message: MessageWithRaw,
    partner: PartnerRecord,
  ): Promise<OpenedFile | { issue: Issue }> {
    const protection = this.protectionOf(partner.connector);
    if (!protection) return { body: message.raw };
    try {
      return await protection.open(message.raw, partner, message.transport);
    } catch (err) {
      const e = TradeError.from(err, 'internal', 'receive');
      // Transient failures are the inbox worker's to retry.
      if (e.kind === 'transient') throw e;
      return {
        issue: { stage: e.stage ?? 'receive', kind: e.kind, message: e.message, code: e.code },
      };
    }
  }

  private envelopesOf(
    w: Work,
    clientId: string | undefined,
  ): Array<{ envelope: Envelope; messageId: string }> {
    const { message, partner, event } = w;
    const refs = refsOf(w);
    return documentsOf(w).map((doc, i) => {
      const m = doc.message;
      const envelope = {
        ...createEnvelope({
          type: doc.eventType,
          documentType: doc.documentType,
          version: getDocumentDefinition(doc.documentType).version,
          payload: doc.payload,
          occurredAt: doc.occurredAt,
          receivedAt: message.receivedAt,
          clientId: message.clientId ?? clientId,
          source: {
            partnerId: partner!.id,
            connector: partner!.connector,
            transport: message.transport,
            format: m.detection.format,
            messageType: m.detection.messageType,
            messageRef: m.messageRef,
            messageId: message.id,
          },
          refs: refs[i],
          correlationId: message.correlationId ?? message.id,
          causationId: message.id,
        }),
        id: deterministicUuid(`${message.id}:${event.generation}:${m.index}:${doc.position}`),
      };
      return { envelope, messageId: message.id };
    });
  }
}

/** The documents of a translated message, with the decoded message and position they came from. */
function documentsOf(w: Work) {
  return (w.translation?.messages ?? []).flatMap((m) =>
    m.documents.map((doc, position) => ({ ...doc, message: m.decoded, position })),
  );
}

function refsOf(w: Work) {
  return refsOfTranslation(w.translation);
}

function outcomeOf(w: Work, clientId: string | undefined): MessageOutcome {
  const d = w.translation?.detection;
  const facts = {
    format: d?.format,
    standard: d?.standard,
    version: d?.version,
    messageType: d?.messageType,
  };
  if (w.issue) {
    return {
      id: w.message.id,
      state: 'failed',
      facts,
      note: {
        stage: w.issue.stage,
        reason: w.issue.message,
        location: w.issue.location,
        detail: { kind: w.issue.kind, ...(w.issue.code ? { code: w.issue.code } : {}) },
      },
    };
  }
  const warnings = (w.translation?.messages ?? []).flatMap((m) => m.warnings);
  return {
    id: w.message.id,
    state: 'processed',
    facts: { ...facts, clientId: clientId ?? null },
    note: w.settled
      ? { stage: 'map', detail: w.settled }
      : {
          stage: 'publish',
          detail: {
            documents: documentsOf(w).length,
            ...(warnings.length ? { warnings } : {}),
            ...w.opened,
          },
        },
  };
}
