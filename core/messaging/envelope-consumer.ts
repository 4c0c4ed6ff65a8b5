import { randomUUID } from 'node:crypto';
import type { MessageProperties, Options } from 'amqplib';
import type { Pool, PoolClient } from 'pg';
import type { AppConfig } from '../config/config';
import { EnvelopeSchema, type Envelope } from '../envelope/envelope';
import { inTransaction, type TransactionOptions } from '../storage/database';
import type { AmqpConnection } from './amqp-connection';
import { publishConfirmed } from './confirmed-publish';
import { DeliveryHeaders as H, headerCount, headerString } from './delivery-headers';
import { classifyFailure, type Failure } from './failure-policy';
import { errInfo, silentLogger, type MessagingLogger } from './logger';
import { pause, QueueWorker, REQUEUE_PAUSE_MS, type Delivery } from './queue-worker';
import { declareTopology, type TopologyNames } from './topology';
import { replayLostEvents } from './queue-replay';
import { GroupCommit, type GroupCommitOptions } from '../concurrency/group-commit';
import { prepared } from '../storage/prepared';

/**
 * A domain handler. `handle` runs inside a transaction that also records the envelope as
 * processed; it writes its effects (and any follow-up envelopes, via enqueueEnvelope) with
 * `tx` only. Throw a TradeError: kind 'transient' is retried with back-off, any other kind is
 * dead-lettered at once. Envelopes may arrive out of order (retries, several consumers).
 */
export interface EnvelopeHandler {
  /** Lowercase; the queue is `q.<name>` and processed_envelopes.consumer is this name. */
  readonly name: string;
  /** Routing-key patterns on trade.events, e.g. `logistics.shipment.*`. */
  readonly bindings: readonly string[];
  handle(envelope: Envelope, tx: PoolClient): Promise<void>;
  /**
   * Optional: handles several envelopes in one transaction (multi-row statements). Without it
   * the runner calls `handle` for each, still in one transaction per batch.
   */
  handleBatch?(envelopes: Envelope[], tx: PoolClient): Promise<void>;
}

/** What became of one delivery; reported to `onOutcome` (metrics, tests). */
export type ConsumeOutcome = 'processed' | 'duplicate' | 'retried' | 'dead-lettered' | 'requeued';

export interface EnvelopeConsumerOptions {
  connection: AmqpConnection;
  pool: Pool;
  names: TopologyNames;
  rabbit: Pick<AppConfig['rabbit'], 'prefetch' | 'queueType' | 'retryDelaysMs'> & {
    /** Statement timeout in a handler's transaction; default 30 s. */
    handlerTimeoutMs?: number;
  };
  logger?: MessagingLogger;
  onOutcome?: (outcome: ConsumeOutcome, handler: string, envelopeId: string | undefined) => void;
  /** Group commit of deliveries; default 50 per batch, 2 batches at once. */
  batch?: GroupCommitOptions;
  /** Called after each committed batch (metrics). */
  onBatch?: (handler: string, size: number, seconds: number) => void;
}

const DEFAULT_HANDLER_TIMEOUT_MS = 30_000;

const MARK_PROCESSED = prepared(
  `INSERT INTO processed_envelopes (consumer, envelope_id)
   SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING envelope_id`,
);

/** A batch that failed as a whole; its deliveries are then handled one by one. */
class BatchFailure extends Error {
  constructor(
    readonly size: number,
    override readonly cause: unknown,
  ) {
    super('batch failed');
  }
}

type Parsed = { ok: true; envelope: Envelope } | { ok: false; reason: string };

/** JSON + EnvelopeSchema; a failure reason names the first bad field. */
export function parseEnvelope(content: Buffer): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch (err) {
    return { ok: false, reason: `invalid JSON: ${(err as Error).message}` };
  }
  const checked = EnvelopeSchema.safeParse(json);
  if (checked.success) return { ok: true, envelope: checked.data };
  const issue = checked.error.issues[0];
  return {
    ok: false,
    reason: `invalid envelope: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  };
}

/**
 * Runs one handler on its queue: validates, dedupes by (consumer, envelope id) in the handler's
 * transaction, acks after COMMIT, and sends failures to a retry queue or the dead-letter queue
 * on a confirm channel, acking the original only after that copy is confirmed.
 */
export class EnvelopeConsumer {
  private readonly worker: QueueWorker;
  private readonly log: MessagingLogger;
  private readonly group: GroupCommit<Envelope, boolean>;

  constructor(
    private readonly handler: EnvelopeHandler,
    private readonly o: EnvelopeConsumerOptions,
  ) {
    this.log = o.logger ?? silentLogger;
    this.worker = new QueueWorker({
      connection: o.connection,
      name: `consumer ${handler.name}`,
      queues: [o.names.queue(handler.name)],
      prefetch: o.rabbit.prefetch,
      declare: (channel) => declareTopology(channel, o.names, [handler], o.rabbit),
      handle: (delivery) => this.consume(delivery),
      onQueueLost: () => this.replay(),
      logger: o.logger,
    });
    this.group = new GroupCommit(
      (envelopes) => this.runBatch(envelopes),
      o.batch ?? { max: 50, concurrency: 2 },
    );
  }

  start(): Promise<void> {
    return this.worker.start();
  }

  // The queue was deleted under us (and is declared again): its messages went with it.
  private async replay(): Promise<void> {
    const sent = await replayLostEvents(this.o.pool, this.o.names, this.handler);
    this.log.warn(
      { consumer: this.handler.name, replayed: sent },
      `consumer ${this.handler.name}: queue was deleted; unprocessed events sent again`,
    );
  }

  /** Stops taking messages and waits for those in progress. */
  stop(): Promise<void> {
    return this.worker.stop();
  }

  // Deliveries that arrive together share one transaction; when that batch fails, each of its
  // deliveries is tried alone so one poison message cannot hold back the others.
  private async consume(d: Delivery): Promise<void> {
    const parsed = parseEnvelope(d.message.content);
    if (!parsed.ok)
      return this.fail(d, { kind: 'rejected', transient: false, reason: parsed.reason });
    const envelope = parsed.envelope;
    let processed: boolean;
    try {
      processed = await this.group.submit(envelope);
    } catch (err) {
      const failure = err instanceof BatchFailure ? err : new BatchFailure(1, err);
      if (failure.size > 1) return this.consumeAlone(d, envelope);
      return this.fail(d, classifyFailure(failure.cause), envelope.id);
    }
    d.ack();
    this.report(processed ? 'processed' : 'duplicate', envelope.id);
  }

  /** One transaction for the batch: dedupe all ids with one statement, then handle the fresh. */
  private async runBatch(envelopes: Envelope[]): Promise<boolean[]> {
    const started = process.hrtime.bigint();
    try {
      const outcome = await inTransaction(
        this.o.pool,
        async (tx) => {
          // Sorted, so two batches never take the same rows in opposite orders (no deadlock).
          const ids = [...new Set(envelopes.map((e) => e.id))].sort();
          const { rows } = await tx.query<{ envelope_id: string }>({
            ...MARK_PROCESSED,
            values: [this.handler.name, ids],
          });
          const fresh = new Set(rows.map((r) => r.envelope_id));
          const todo = envelopes.filter((e) => fresh.delete(e.id));
          if (this.handler.handleBatch) await this.handler.handleBatch(todo, tx);
          else for (const envelope of todo) await this.handler.handle(envelope, tx);
          const ran = new Set(todo);
          return envelopes.map((e) => ran.has(e));
        },
        this.limits,
      );
      this.o.onBatch?.(
        this.handler.name,
        envelopes.length,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
      return outcome;
    } catch (err) {
      throw new BatchFailure(envelopes.length, err);
    }
  }

  // A handler held up for ever (a lock nobody releases, a stuck query) would hold its deliveries
  // and a pool client for ever, and the queue behind them: PostgreSQL cancels the statement
  // (57014) and the deliveries are retried, then dead-lettered with that reason. Set with BEGIN,
  // so it costs no round trip of its own.
  private get limits(): TransactionOptions {
    return { statementTimeoutMs: this.o.rabbit.handlerTimeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS };
  }

  private async consumeAlone(d: Delivery, envelope: Envelope): Promise<void> {
    let processed: boolean;
    try {
      processed = await inTransaction(
        this.o.pool,
        async (tx) => {
          const fresh = await tx.query(
            `INSERT INTO processed_envelopes (consumer, envelope_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING`,
            [this.handler.name, envelope.id],
          );
          // A concurrent delivery of the same envelope waits here until the first one commits.
          if (fresh.rowCount === 0) return false;
          await this.handler.handle(envelope, tx);
          return true;
        },
        this.limits,
      );
    } catch (err) {
      return this.fail(d, classifyFailure(err), envelope.id);
    }
    d.ack();
    this.report(processed ? 'processed' : 'duplicate', envelope.id);
  }

  private async fail(d: Delivery, failure: Failure, envelopeId?: string): Promise<void> {
    const { headers: incoming, ...props } = d.message.properties;
    const attempt = headerCount(incoming, H.attempt);
    const delays = this.o.rabbit.retryDelaysMs;
    // An outage waits at the last delay for as long as it lasts; a failing message gives up.
    const retry =
      failure.transient && delays.length > 0 && (attempt < delays.length || !!failure.outage);
    const delayIndex = Math.min(attempt, delays.length - 1);
    const headers: Record<string, unknown> = {
      ...incoming,
      [H.routingKey]: headerString(incoming, H.routingKey) ?? d.message.fields.routingKey,
      [H.consumer]: this.handler.name,
      [H.errorKind]: failure.kind,
      [H.reason]:
        retry || !failure.transient
          ? failure.reason
          : `gave up after ${attempt} retries: ${failure.reason}`,
      [H.failedAt]: new Date().toISOString(),
    };
    delete headers['x-delivery-count']; // quorum queues set it per delivery
    if (retry) headers[H.attempt] = attempt + 1;
    else headers[H.deadLetterId] = randomUUID();
    const names = this.o.names;
    try {
      await publishConfirmed(d.publisher, {
        exchange: retry ? names.retry : names.dlx,
        routingKey: retry
          ? names.retryQueue(this.handler.name, delayIndex)
          : names.queue(this.handler.name),
        content: d.message.content,
        options: { ...copyProperties(props), headers },
        mandatory: true,
      });
    } catch (err) {
      this.log.error(
        { ...errInfo(err), envelopeId },
        `consumer ${this.handler.name}: copy not confirmed; requeue`,
      );
      await pause(REQUEUE_PAUSE_MS);
      d.requeue();
      return this.report('requeued', envelopeId);
    }
    d.ack();
    const level = retry ? 'info' : 'warn';
    this.log[level](
      { envelopeId, attempt, ...failure },
      `consumer ${this.handler.name}: ${retry ? 'retry' : 'dead-letter'}`,
    );
    this.report(retry ? 'retried' : 'dead-lettered', envelopeId);
  }

  private report(outcome: ConsumeOutcome, envelopeId: string | undefined): void {
    this.o.onOutcome?.(outcome, this.handler.name, envelopeId);
  }
}

/** The properties a copy keeps; always persistent. */
function copyProperties(p: Omit<MessageProperties, 'headers'>): Options.Publish {
  const keep: Options.Publish = { persistent: true };
  if (p.messageId) keep.messageId = String(p.messageId);
  if (p.type) keep.type = String(p.type);
  if (p.contentType) keep.contentType = String(p.contentType);
  if (p.contentEncoding) keep.contentEncoding = String(p.contentEncoding);
  if (p.correlationId) keep.correlationId = String(p.correlationId);
  if (p.timestamp) keep.timestamp = Number(p.timestamp);
  if (p.appId) keep.appId = String(p.appId);
  return keep;
}
