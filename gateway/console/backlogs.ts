import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import type { Pool } from 'pg';
import { inboxLag } from '../../core/ingest/normalizer-inbox';
import { outboxLag } from '../../core/messaging/outbox';
import type { QueueDepth } from '../../core/messaging/queue-depths';
import { PollWorker } from '../connectors/poll.worker';
import { PG_POOL } from '../infra/tokens';
import { MessagingRuntime } from '../messaging/messaging.runtime';
import { DeliveryWorker } from '../outbound/delivery.worker';

export interface BullCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** Everything that waits somewhere between a partner and a handler, read now. */
export interface Backlogs {
  at: string;
  /** RabbitMQ: ready messages and consumers per handler queue and dead-letter queue. */
  queues: Array<{ name: string } & QueueDepth>;
  /** bull on Redis: deliveries and polls by job state (null while Redis is away). */
  jobs: Array<{ name: string; counts: BullCounts | null }>;
  /** Envelopes committed but not yet published, and the oldest one's age. */
  outbox: { pending: number; oldestAgeSeconds: number };
  /** Inbound messages waiting for the normalizer (retrying: failed once, due again). */
  inbox: { pending: number; retrying: number; oldestAgeSeconds: number };
}

/** Queue depths and outbox lag for the console's overview (live over its event stream). */
@Injectable()
export class BacklogsReader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly modules: ModuleRef,
  ) {}

  async read(): Promise<Backlogs> {
    const [queues, jobs, outbox, inbox] = await Promise.all([
      this.messaging().queueDepths(),
      Promise.all(this.bullQueues().map(async (q) => ({ name: q.name, counts: await counts(q) }))),
      outboxLag(this.pool),
      inboxLag(this.pool),
    ]);
    return {
      at: new Date().toISOString(),
      queues: Object.entries(queues).map(([name, d]) => ({ name, ...d })),
      jobs,
      outbox: { pending: outbox.pending, oldestAgeSeconds: seconds(outbox.oldestPendingAgeMs) },
      inbox: {
        pending: inbox.pending,
        retrying: inbox.retrying,
        oldestAgeSeconds: seconds(inbox.oldestAgeMs),
      },
    };
  }

  // The runtime and the workers belong to their own modules: looked up, not imported.
  private messaging(): MessagingRuntime {
    return this.modules.get(MessagingRuntime, { strict: false });
  }

  private bullQueues(): Queue[] {
    const delivery = this.modules.get(DeliveryWorker, { strict: false }).queue;
    const polls = this.modules.get(PollWorker, { strict: false }).queue;
    return [delivery as Queue, polls as Queue];
  }
}

// bull queues commands while Redis is away: the overview must not wait for it to return.
const REDIS_WAIT_MS = 1000;

async function counts(queue: Queue): Promise<BullCounts | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), REDIS_WAIT_MS);
  });
  const read = queue.getJobCounts().then(
    (c) => ({ waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed }),
    () => null,
  );
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.round(ms / 1000));
}
