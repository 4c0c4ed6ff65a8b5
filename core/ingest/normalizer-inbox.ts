import type { Pool, PoolClient } from 'pg';
import { TradeError } from '../errors/trade-error';
import { classifyFailure } from '../messaging/failure-policy';
import { errInfo, silentLogger, type MessagingLogger } from '../messaging/logger';
import { inTransaction } from '../storage/database';
import { listenOn } from '../storage/listen';
import type { MessageRepository } from '../storage/message.repository';
import type { Queryable } from '../storage/queryable';
import { prepared } from '../storage/prepared';

/** PostgreSQL NOTIFY channel that wakes normalizers when stored messages are committed. */
export const INBOX_CHANNEL = 'tradehub_normalizer';

/** One stored message waiting for the normalizer (a row of normalizer_inbox). */
export interface InboxItem {
  id: string;
  messageId: string;
  /** 0 for the first run; a replay counts up, so its canonical envelopes get new ids. */
  generation: number;
  /** Transient failures so far. */
  attempts: number;
}

/**
 * `WITH` clause handing every message of a preceding `added` clause (its `id` column) to the
 * normalizer, for statements that store messages; the statement also runs
 * `pg_notify(INBOX_CHANNEL, '')`.
 */
export const HAND_OFF_ADDED =
  'hand_off AS (INSERT INTO normalizer_inbox (message_id, generation) SELECT id, 0 FROM added)';

/** Hands stored messages to the normalizer in the caller's transaction (woken at COMMIT). */
export async function handToNormalizer(
  db: Queryable,
  messageIds: readonly string[],
  generation: number,
): Promise<void> {
  await db.query(
    `WITH added AS (
       INSERT INTO normalizer_inbox (message_id, generation) SELECT unnest($1::uuid[]), $2 RETURNING id)
     SELECT pg_notify($3, '') FROM added LIMIT 1`,
    [messageIds, generation, INBOX_CHANNEL],
  );
}

/** What waits for the normalizer: the backlog operators watch now that no queue holds it. */
export interface InboxLag {
  pending: number;
  /** Of those, rows waiting out the delay after a transient failure. */
  retrying: number;
  /** Age of the oldest row in ms; 0 when none waits. */
  oldestAgeMs: number;
}

export async function inboxLag(db: Queryable): Promise<InboxLag> {
  const { rows } = await db.query<{ pending: string; retrying: string; age_ms: string | null }>(
    `SELECT count(*) AS pending, count(*) FILTER (WHERE attempts > 0) AS retrying,
            (extract(epoch FROM clock_timestamp() - min(created_at)) * 1000)::bigint AS age_ms
       FROM normalizer_inbox`,
  );
  const [row] = rows;
  return {
    pending: Number(row.pending),
    retrying: Number(row.retrying),
    oldestAgeMs: Number(row.age_ms ?? 0),
  };
}

const RETURNING = 'RETURNING id, message_id AS "messageId", generation, attempts';

const CLAIM = prepared(
  `DELETE FROM normalizer_inbox WHERE id IN (
     SELECT id FROM normalizer_inbox WHERE not_before <= now()
      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) ${RETURNING}`,
);

// Deleted in the claiming transaction: a rollback (crash, failure) puts the rows back.
async function claim(tx: PoolClient, limit: number): Promise<InboxItem[]> {
  const { rows } = await tx.query<InboxItem>({ ...CLAIM, values: [limit] });
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

async function claimOne(tx: PoolClient, id: string): Promise<InboxItem | undefined> {
  const { rows } = await tx.query<InboxItem>(
    `DELETE FROM normalizer_inbox WHERE id = (
       SELECT id FROM normalizer_inbox WHERE id = $1 FOR UPDATE SKIP LOCKED) ${RETURNING}`,
    [id],
  );
  return rows[0];
}

export interface InboxWorkerOptions {
  pool: Pool;
  /** Where a message that cannot be normalized is failed. */
  messages: MessageRepository;
  /** Normalizes the items in the transaction that takes them off the inbox. */
  handle(items: InboxItem[], tx: PoolClient): Promise<void>;
  /** Delays of the retries of a transient failure; then the message is failed. */
  retryDelaysMs: readonly number[];
  /** Items per transaction; default 50. */
  batchSize?: number;
  /** Batches at once in this process; default 2. */
  concurrency?: number;
  /** Sweep interval: finds what no NOTIFY announced, and retries that are due; default 200. */
  pollMs?: number;
  logger?: MessagingLogger;
  onBatch?(size: number, seconds: number): void;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * Runs the normalizer on the inbox: claims due rows with FOR UPDATE SKIP LOCKED (so several
 * processes share the work and never take the same row) and removes them in the transaction
 * that stores the result, so each is normalized once. A failed batch is tried one item at a
 * time; an item that still fails is retried after a delay when the failure is transient, else
 * (or when the retries are used up) its message is failed with stage, reason and location, to
 * be replayed once fixed. Wakes on NOTIFY; sweeps every `pollMs` so nothing waits for long.
 */
export class InboxWorker {
  private running = false;
  private loops: Array<Promise<void>> = [];
  private listener?: PoolClient;
  private listening = false;
  private notifications = 0;
  private readonly sleepers = new Set<() => void>();
  private readonly log: MessagingLogger;

  constructor(private readonly o: InboxWorkerOptions) {
    this.log = o.logger ?? silentLogger;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = Array.from({ length: this.o.concurrency ?? 2 }, () => this.loop());
  }

  /** Finishes the batches in progress, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
    this.listener?.release(true);
    this.listener = undefined;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const seen = this.notifications;
      try {
        await this.listen();
        const taken = await this.runBatch();
        failures = 0;
        // A NOTIFY while this batch ran may announce rows it did not see: look again at once.
        if (taken < (this.o.batchSize ?? 50) && seen === this.notifications)
          await this.sleep(this.o.pollMs ?? 200);
      } catch (err) {
        failures += 1;
        this.log.warn({ ...errInfo(err), failures }, 'normalizer inbox batch failed');
        await this.sleep(Math.min(MAX_BACKOFF_MS, (this.o.pollMs ?? 200) * 2 ** failures));
      }
    }
  }

  /** One transaction for a batch; when it fails, each of its items alone. */
  private async runBatch(): Promise<number> {
    const started = process.hrtime.bigint();
    let items: InboxItem[] = [];
    try {
      await inTransaction(this.o.pool, async (tx) => {
        items = await claim(tx, this.o.batchSize ?? 50);
        if (items.length > 0) await this.o.handle(items, tx);
      });
    } catch (err) {
      if (items.length === 0) throw err;
      if (items.length === 1) await this.retryOrFail(items[0], err);
      else for (const item of items) await this.runAlone(item);
      return items.length;
    }
    if (items.length > 0)
      this.o.onBatch?.(items.length, Number(process.hrtime.bigint() - started) / 1e9);
    return items.length;
  }

  private async runAlone(item: InboxItem): Promise<void> {
    try {
      await inTransaction(this.o.pool, async (tx) => {
        // Gone or taken meanwhile (another process): then it is that one's.
        const claimed = await claimOne(tx, item.id);
        if (claimed) await this.o.handle([claimed], tx);
      });
    } catch (err) {
      await this.retryOrFail(item, err);
    }
  }

  private async retryOrFail(item: InboxItem, err: unknown): Promise<void> {
    const failure = classifyFailure(err);
    const delays = this.o.retryDelaysMs;
    try {
      // An outage (disk full, no connection slot) waits at the last delay while it lasts.
      const more = item.attempts < delays.length || (!!failure.outage && delays.length > 0);
      if (failure.transient && more) {
        await this.o.pool.query(
          `UPDATE normalizer_inbox SET attempts = attempts + 1, last_error = $3,
             not_before = now() + $2 * interval '1 millisecond' WHERE id = $1`,
          [item.id, delays[Math.min(item.attempts, delays.length - 1)], failure.reason],
        );
        this.log.info({ messageId: item.messageId, ...failure }, 'normalizer: retry later');
        return;
      }
      await inTransaction(this.o.pool, async (tx) => {
        const gone = await tx.query('DELETE FROM normalizer_inbox WHERE id = $1', [item.id]);
        if (gone.rowCount === 0) return;
        // A TradeError's location is recorded apart, so its reason is its message alone.
        const trade = err instanceof TradeError ? err : undefined;
        const reason = trade?.message ?? failure.reason;
        await this.o.messages.setState(tx, item.messageId, 'failed', {
          stage: trade?.stage,
          reason: failure.transient ? `gave up after ${item.attempts} retries: ${reason}` : reason,
          location: trade?.location,
          detail: { kind: failure.kind },
        });
      });
      this.log.warn({ messageId: item.messageId, ...failure }, 'normalizer: message failed');
    } catch (recordErr) {
      // The row is still there: the next sweep takes it again.
      this.log.error(
        { ...errInfo(recordErr), messageId: item.messageId },
        'normalizer: could not record a failure',
      );
    }
  }

  private async listen(): Promise<void> {
    if (this.listener || this.listening) return;
    this.listening = true;
    try {
      this.listener = await listenOn(this.o.pool, INBOX_CHANNEL, {
        onNotify: () => this.wake(),
        onLost: (client, err) => {
          this.log.warn(errInfo(err), 'normalizer listener lost; sweeping until it is back');
          if (this.listener === client) this.listener = undefined;
        },
      });
    } catch (err) {
      this.log.warn(errInfo(err), 'normalizer LISTEN failed; sweeping');
    } finally {
      this.listening = false;
    }
  }

  private wake(): void {
    this.notifications += 1;
    for (const wakeUp of [...this.sleepers]) wakeUp();
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
