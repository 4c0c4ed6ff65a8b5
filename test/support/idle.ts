import type { Pool } from 'pg';
import { inboxLag } from '../../core/ingest/normalizer-inbox';
import { outboxLag } from '../../core/messaging/outbox';
import { queueDepths } from '../../core/messaging/queue-depths';
import type { TopologyNames } from '../../core/messaging/topology';
import type { AmqpConnections } from '../../gateway/messaging/amqp.provider';
import { AMQP, TOPOLOGY } from '../../gateway/messaging/messaging.tokens';
import { MessagingRuntime } from '../../gateway/messaging/messaging.runtime';
import { DeliveryWorker } from '../../gateway/outbound/delivery.worker';
import type { TestGateway } from './gateway-harness';
import { untilSettled } from './settled';

/** Everything still to do in a gateway, and a counter that moves whenever something happens. */
async function snapshot(gw: TestGateway): Promise<{ backlog: number; progress: string }> {
  const runtime = gw.app.get(MessagingRuntime);
  const names = gw.app.get<TopologyNames>(TOPOLOGY);
  const amqp = gw.app.get<AmqpConnections>(AMQP);
  const retries = gw.config.rabbit.retryDelaysMs.map((_, i) => i);
  const queues = runtime
    .handlerNames()
    .flatMap((h) => [names.queue(h), ...retries.map((i) => names.retryQueue(h, i))]);
  const [inbox, outbox, depths, jobs, progress] = await Promise.all([
    inboxLag(gw.pool),
    outboxLag(gw.pool),
    amqp.consumer.withChannel((ch) => queueDepths(ch, queues)),
    gw.app.get(DeliveryWorker).queue.getJobCounts(),
    progressMark(gw.pool),
  ]);
  const queued = Object.values(depths).reduce((n, d) => n + d.messages, 0);
  const backlog =
    inbox.pending + outbox.pending + queued + jobs.waiting + jobs.active + jobs.delayed;
  return { backlog, progress };
}

// Every stored state change, handled envelope and outbox row: unchanged means nothing moved.
async function progressMark(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ mark: string }>(
    `SELECT (SELECT count(*) FROM message_states) || '/' ||
            (SELECT count(*) FROM processed_envelopes) || '/' ||
            (SELECT count(*) FROM outbox) AS mark`,
  );
  return rows[0].mark;
}

/**
 * Waits until the gateway is idle: normalizer inbox, outbox, handler queues (and their retry
 * queues) and delivery jobs all empty, and nothing stored or handled across three checks in a
 * row (an envelope a consumer holds unacked is in no queue, but its handling moves the marks).
 */
export async function untilIdle(gw: TestGateway, options?: { timeoutMs?: number }): Promise<void> {
  await untilSettled(async () => {
    const { backlog, progress } = await snapshot(gw);
    return { busy: backlog > 0, mark: progress };
  }, options);
}
