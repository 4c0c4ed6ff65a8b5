import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { AmqpConnection, SetupStep } from './amqp-connection';
import { errInfo, silentLogger, type MessagingLogger } from './logger';

/** One message handed to a worker, with acks bound to the channel that delivered it. */
export interface Delivery {
  message: ConsumeMessage;
  queue: string;
  /** Confirm channel on the same connection, for retry and dead-letter copies. */
  publisher: ConfirmChannel;
  /** Acks; after a lost channel it does nothing (the broker redelivers; consumers dedupe). */
  ack(): void;
  /** Returns the message to its queue for another delivery. */
  requeue(): void;
}

export interface QueueWorkerOptions {
  connection: AmqpConnection;
  /** For logs. */
  name: string;
  queues: readonly string[];
  prefetch: number;
  /** Declares what the worker needs; runs on every connect before consuming. */
  declare(channel: Channel): Promise<void>;
  /** Must settle the delivery itself; a throw is logged and the message requeued later. */
  handle(delivery: Delivery): Promise<void>;
  /**
   * After the broker cancelled a consumer (its queue deleted) and the worker declared and
   * consumed again: what the deleted queue held is gone, to be brought back from the store.
   */
  onQueueLost?(queue: string): Promise<void>;
  logger?: MessagingLogger;
}

interface Session {
  channel: Channel;
  publisher: ConfirmChannel;
  tags: string[];
}

/** Pause before a requeue after an unexpected failure, so a broken message does not spin. */
export const REQUEUE_PAUSE_MS = 1_000;

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Consumes queues on one channel (prefetch applies), re-attached by the connection after every
 * reconnect, and tracks deliveries in progress so stop() can let them finish.
 */
export class QueueWorker {
  private session?: Session;
  private running = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly log: MessagingLogger;
  private readonly attachStep: SetupStep = (model) => this.attach(model);

  constructor(private readonly o: QueueWorkerOptions) {
    this.log = o.logger ?? silentLogger;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.o.connection.addSetup(this.attachStep);
  }

  /** Cancels the consumers, waits for deliveries in progress, closes the channels. */
  async stop(): Promise<void> {
    this.running = false;
    this.o.connection.removeSetup(this.attachStep);
    const session = this.session;
    this.session = undefined;
    if (session)
      for (const tag of session.tags) await session.channel.cancel(tag).catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    if (session) await closeAll(session);
  }

  get busy(): number {
    return this.inFlight.size;
  }

  private async attach(model: ChannelModel): Promise<void> {
    if (!this.running) return;
    const channel = await model.createChannel();
    channel.on('error', (err: Error) =>
      this.log.warn(errInfo(err), `${this.o.name}: channel error`),
    );
    const publisher = await model.createConfirmChannel();
    publisher.on('error', (err: Error) =>
      this.log.warn(errInfo(err), `${this.o.name}: publisher error`),
    );
    const session: Session = { channel, publisher, tags: [] };
    try {
      await this.o.declare(channel);
      await channel.prefetch(this.o.prefetch);
      for (const queue of this.o.queues) {
        const ok = await channel.consume(queue, (m) => this.dispatch(m, queue, session, model));
        session.tags.push(ok.consumerTag);
      }
    } catch (err) {
      await closeAll(session);
      throw err;
    }
    // stop() may have run while this attach was in progress (e.g. during a reconnect).
    if (!this.running) return closeAll(session);
    this.session = session;
    this.log.info({ queues: this.o.queues }, `${this.o.name}: consuming`);
  }

  private dispatch(message: ConsumeMessage | null, queue: string, s: Session, model: ChannelModel) {
    if (!message) return this.onCancelled(queue, s, model);
    const delivery: Delivery = {
      message,
      queue,
      publisher: s.publisher,
      ack: () => this.settle(() => s.channel.ack(message)),
      requeue: () => this.settle(() => s.channel.nack(message, false, true)),
    };
    const work: Promise<void> = this.o
      .handle(delivery)
      .catch(async (err: unknown) => {
        this.log.error(errInfo(err), `${this.o.name}: delivery failed unexpectedly; requeue`);
        await pause(REQUEUE_PAUSE_MS);
        delivery.requeue();
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  // The broker cancels a consumer when its queue is deleted: start again on fresh channels,
  // which re-declares the queue.
  private onCancelled(queue: string, s: Session, model: ChannelModel): void {
    this.log.warn({ queue }, `${this.o.name}: consumer cancelled by the broker; re-attaching`);
    if (this.session !== s) return;
    this.session = undefined;
    void closeAll(s)
      .then(() => pause(REQUEUE_PAUSE_MS))
      .then(() => this.attach(model))
      .then(() => this.o.onQueueLost?.(queue))
      .catch((err: unknown) => this.log.error(errInfo(err), `${this.o.name}: re-attach failed`));
  }

  private settle(op: () => void): void {
    try {
      op();
    } catch (err) {
      this.log.debug(errInfo(err), `${this.o.name}: channel gone before ack; broker redelivers`);
    }
  }
}

async function closeAll(s: Session): Promise<void> {
  await s.channel.close().catch(() => undefined);
  await s.publisher.close().catch(() => undefined);
}
