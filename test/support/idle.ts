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
 * queues) and delivery jobs all empty, and nothing stored or handled across `quietChecks`
 * checks in a row (an envelope a consumer holds unacked is in no queue, but its handling moves
 * the marks). Then an assertion that nothing more happened means what it says.
 */
export async function untilIdle(
  gw: TestGateway,
  { quietChecks = 3, everyMs = 100, timeoutMs = 30_000 } = {},
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  let last = '';
  while (Date.now() < until) {
    const { backlog, progress } = await snapshot(gw);
    quiet = backlog === 0 && progress === last ? quiet + 1 : 0;
    last = progress;
    if (quiet >= quietChecks) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`the gateway was not idle within ${timeoutMs} ms`);
}
