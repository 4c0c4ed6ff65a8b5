import Bull, { type Job, type Queue } from 'bull';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { targetName, type PollTarget } from './poll-schedule';
import type { PollOutcome } from './poll.service';

export const POLL_QUEUE = 'poll';

/**
 * The bull queue on Redis that runs each poll target as a repeatable job (every interval).
 * Repeatable jobs are shared by all gateway processes; whichever takes a tick polls, and the
 * advisory lock keeps an overlapping tick (or a second process) off the same folder.
 */
export class PollWorker {
  readonly queue: Queue<PollTarget>;

  constructor(
    config: AppConfig,
    private readonly logger: Logger,
  ) {
    this.queue = new Bull<PollTarget>(POLL_QUEUE, config.redis.url, {
      prefix: config.redis.bullPrefix,
    });
  }

  /** Makes the repeatable jobs exactly the given targets (added, changed, removed). */
  async schedule(targets: PollTarget[]): Promise<void> {
    const wanted = new Map(targets.map((t) => [targetName(t), t]));
    for (const job of await this.queue.getRepeatableJobs()) {
      const target = job.id ? wanted.get(job.id) : undefined;
      if (!target || Number(job.every) !== target.intervalMs)
        await this.queue.removeRepeatableByKey(job.key);
    }
    for (const [id, target] of wanted) {
      await this.queue.add(target, {
        jobId: id,
        repeat: { every: target.intervalMs },
        removeOnComplete: true,
        removeOnFail: true,
      });
    }
  }

  /** Targets whose repeatable job is not in Redis (lost with a Redis restart, say). */
  async missing(targets: PollTarget[]): Promise<PollTarget[]> {
    const held = new Map((await this.queue.getRepeatableJobs()).map((j) => [j.id, j.every]));
    return targets.filter((t) => Number(held.get(targetName(t))) !== t.intervalMs);
  }

  /** Runs `onReady` each time the Redis connection is (re)established. */
  onRedisReady(onReady: () => void): void {
    this.queue.client.on('ready', onReady);
  }

  async ping(): Promise<boolean> {
    return (await this.queue.client.ping()) === 'PONG';
  }

  start(run: (target: PollTarget) => Promise<PollOutcome>, concurrency = 4): void {
    void this.queue.process(concurrency, async (job: Job<PollTarget>) => {
      const { outcome } = await run(job.data);
      return outcome;
    });
    this.queue.on('error', (err) => this.logger.error({ err }, 'poll queue error'));
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
