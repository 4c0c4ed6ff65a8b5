import type { Pool, PoolClient } from 'pg';
import type { ConfirmChannel } from 'amqplib';
import { onTemporaryChannel, type AmqpConnection, type SetupStep } from './amqp-connection';
import { publishConfirmed } from './confirmed-publish';
import { errInfo, silentLogger, type MessagingLogger } from './logger';
import { OUTBOX_CHANNEL, outboxLag, outboxMessage, type OutboxLag, type OutboxRow } from './outbox';
import { declareExchanges, type TopologyNames } from './topology';
import { listenOn } from '../storage/listen';
import { prepared } from '../storage/prepared';

export interface OutboxRelayOptions {
  pool: Pool;
  /** Preferably a publishing-only connection (a blocked publisher then stalls no consumer). */
  connection: AmqpConnection;
  names: TopologyNames;
  /** Rows taken per transaction (config outbox.batchSize); default 200. */
  batchSize?: number;
  /** Poll interval when no NOTIFY arrives (config outbox.pollMs); default 200. */
  pollMs?: number;
  /** Unconfirmed publishes allowed at once; default 200. */
  maxInFlight?: number;
  /** A publish not confirmed in this time counts as failed (and is retried); default 30 s. */
  confirmTimeoutMs?: number;
  logger?: MessagingLogger;
}

export interface OutboxRelayStats {
  published: number;
  failed: number;
}

const MAX_BACKOFF_MS = 5_000;

/** A pending row with an envelope to send (its own body or its document's). */
type Sendable = OutboxRow & { body: string };

// A row without a body publishes its document's envelope (migration 0054).
const TAKE_PENDING = prepared(
  `SELECT o.id, o.envelope_id, o.exchange, o.routing_key, COALESCE(o.body, d.envelope)::text AS body,
          o.headers, COALESCE(o.body->>'type', d.event_type) AS type
     FROM outbox o LEFT JOIN documents d ON o.body IS NULL AND d.id = o.envelope_id
    WHERE o.published_at IS NULL
    ORDER BY o.id LIMIT $1 FOR UPDATE OF o SKIP LOCKED`,
);
const MARK_PUBLISHED = prepared(
  `UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1
    WHERE id = ANY($1::bigint[])`,
);

/**
 * Publishes committed outbox rows to RabbitMQ: at least once, in id order within a batch.
 * Each batch is one transaction holding its rows with FOR UPDATE SKIP LOCKED while they are
 * published and confirmed, so concurrent relays (several gateway processes) never take the
 * same row; rows are marked published only after their confirm, in that same transaction.
 * A crash before the commit leaves them pending: they are published again and consumers
 * dedupe by envelope id. Wakes on NOTIFY, polls as a fallback.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private stopped: Promise<void> = Promise.resolve();
  private signalStop: () => void = () => undefined;
  private listener?: PoolClient;
  private wakeUp?: () => void;
  private notified = false;
  private readonly counters: OutboxRelayStats = { published: 0, failed: 0 };
  private readonly log: MessagingLogger;
  private readonly declare: SetupStep;

  constructor(private readonly o: OutboxRelayOptions) {
    this.log = o.logger ?? silentLogger;
    this.declare = (model) => onTemporaryChannel(model, (ch) => declareExchanges(ch, o.names));
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.o.connection.addSetup(this.declare);
    this.stopped = new Promise((resolve) => (this.signalStop = resolve));
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.signalStop();
    this.wakeUp?.();
    await this.loop;
    this.o.connection.removeSetup(this.declare);
    this.listener?.release(true);
    this.listener = undefined;
  }

  lag(): Promise<OutboxLag> {
    return outboxLag(this.o.pool);
  }

  get stats(): OutboxRelayStats {
    return { ...this.counters };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.listen();
        const { taken, failed } = await this.relayBatch();
        failures = failed > 0 ? failures + 1 : 0;
        if (failed > 0) await this.recover(failures);
        else if (taken < (this.o.batchSize ?? 200)) await this.sleep(this.o.pollMs ?? 200, true);
      } catch (err) {
        failures += 1;
        this.log.warn({ ...errInfo(err), failures }, 'outbox relay batch failed');
        await this.recover(failures);
      }
    }
  }

  private async relayBatch(): Promise<{ taken: number; failed: number }> {
    // Wait for the broker before opening a transaction, so no row lock waits on a reconnect.
    const channel = await this.untilStopped(this.o.connection.confirmChannel());
    if (!channel) return { taken: 0, failed: 0 };
    const client = await this.o.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>({
        ...TAKE_PENDING,
        values: [this.o.batchSize ?? 200],
      });
      const held = unpublishable(rows);
      const sendable = rows.filter((r): r is Sendable => r.body !== null);
      const failedRows = await this.publishAll(channel, sendable);
      const ok = sendable.filter((r) => !failedRows.has(r.id)).map((r) => r.id);
      if (ok.length > 0) await client.query({ ...MARK_PUBLISHED, values: [ok] });
      for (const [id, error] of [...failedRows, ...held])
        await client.query(
          'UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1',
          [id, error],
        );
      await client.query('COMMIT');
      this.counters.published += ok.length;
      this.counters.failed += failedRows.size;
      if (failedRows.size > 0)
        this.log.warn(
          { failed: failedRows.size, first: [...failedRows.values()][0] },
          'outbox publish failed',
        );
      return { taken: rows.length, failed: failedRows.size };
    } catch (err) {
      broken = err as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /** Publishes with a window of unconfirmed messages; returns failed row ids with reasons. */
  private async publishAll(
    channel: ConfirmChannel,
    rows: Sendable[],
  ): Promise<Map<string, string>> {
    const failed = new Map<string, string>();
    const inFlight = new Set<Promise<void>>();
    const timeoutMs = this.o.confirmTimeoutMs ?? 30_000;
    for (const row of rows) {
      while (inFlight.size >= (this.o.maxInFlight ?? 200)) await Promise.race(inFlight);
      const done: Promise<void> = withTimeout(
        publishConfirmed(channel, outboxMessage(row, this.o.names)),
        timeoutMs,
      )
        .catch((err: unknown) => void failed.set(row.id, errInfo(err).err))
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
    }
    await Promise.all(inFlight);
    return failed;
  }

  // Backs off, then re-declares the exchanges: a deleted exchange (404) would otherwise fail
  // every publish until the next reconnect re-runs the setup steps.
  private async recover(failures: number): Promise<void> {
    await this.sleep(this.backoff(failures), false);
    if (!this.running || !this.o.connection.connected) return;
    await this.o.connection
      .withChannel((ch) => declareExchanges(ch, this.o.names))
      .catch((err: unknown) => this.log.warn(errInfo(err), 'outbox relay: re-declare failed'));
  }

  private async listen(): Promise<void> {
    if (this.listener) return;
    try {
      this.listener = await listenOn(this.o.pool, OUTBOX_CHANNEL, {
        onNotify: () => this.wake(),
        onLost: (client, err) => {
          this.log.warn(errInfo(err), 'outbox listener lost; polling until it is back');
          if (this.listener === client) this.listener = undefined;
        },
      });
    } catch (err) {
      this.log.warn(errInfo(err), 'outbox LISTEN failed; polling');
    }
  }

  private wake(): void {
    this.notified = true;
    this.wakeUp?.();
  }

  /** Sleeps `ms`; stop() always ends it, a NOTIFY only when `wakeable`. */
  private async sleep(ms: number, wakeable: boolean): Promise<void> {
    if (!this.running || (wakeable && this.notified)) return void (this.notified = false);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        if (wakeable || !this.running) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    this.wakeUp = undefined;
    this.notified = false;
  }

  private untilStopped<T>(work: Promise<T>): Promise<T | undefined> {
    return Promise.race([work, this.stopped.then(() => undefined)]);
  }

  private backoff(failures: number): number {
    return Math.min(MAX_BACKOFF_MS, (this.o.pollMs ?? 200) * 2 ** Math.min(failures, 10));
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no publisher confirm within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Rows with no envelope to send: no body of their own and no stored document (which the
 * normalizer writes in the same transaction, so this is a fault, not a race). They stay pending
 * with their reason, in the outbox lag operators watch; the broker is not to blame, so they
 * cause no back-off for the rows behind them.
 */
function unpublishable(rows: OutboxRow[]): Map<string, string> {
  return new Map(
    rows
      .filter((r) => r.body === null)
      .map((r) => [r.id, `envelope ${r.envelope_id}: no body and no stored document`]),
  );
}
