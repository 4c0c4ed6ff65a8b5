import Bull from 'bull';
import { POLL_QUEUE } from '../../gateway/connectors/poll.worker';
import { DELIVERY_QUEUE } from '../../gateway/outbound/delivery.worker';

/**
 * Removes a test run's bull queues (jobs, repeatable schedules, counters) under its own prefix,
 * as dropping its database does for PostgreSQL: runs on a shared Redis leave nothing behind.
 */
export async function dropBullQueues(redisUrl: string, prefix: string): Promise<void> {
  for (const name of [POLL_QUEUE, DELIVERY_QUEUE]) {
    const queue = new Bull(name, redisUrl, { prefix });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
}
