import * as http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  sentAt: Float64Array;
  /** Milliseconds from each request's send (when paced: from when it was due) to its answer. */
  ackMs: Float64Array;
  statuses: Map<number, number>;
  elapsedMs: number;
}

/**
 * Posts `count` bodies with `concurrency` requests in flight over keep-alive connections,
 * spreading them round-robin over the given base URLs. Records each request's send time
 * (performance.timeOrigin based, in epoch ms).
 */
export async function postAll(
  urls: string[],
  path: string,
  count: number,
  concurrency: number,
  body: (i: number) => Buffer,
  /** Headers of one request besides its content type (a webhook signature). */
  headers: (body: Buffer) => Record<string, string> = () => ({}),
  /** Requests per second to send at (an open load); unpaced when absent. */
  pace?: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const sentAt = new Float64Array(count);
  const ackMs = new Float64Array(count);
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const url = new URL(path, urls[i % urls.length]);
      const due = pace ? started + (i * 1000) / pace : undefined;
      if (due !== undefined) await until(due);
      const payload = body(i);
      const sent = performance.now();
      sentAt[i] = performance.timeOrigin + sent;
      const status = await post(agent, url, payload, headers(payload));
      // Paced, a request's latency counts from when it was due (as wrk2 does): a server that
      // stalls is charged for the requests it held back, not only for the ones in flight.
      ackMs[i] = performance.now() - (due ?? sent);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { sentAt, ackMs, statuses, elapsedMs: performance.now() - started };
}

function until(at: number): Promise<void> {
  const wait = at - performance.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}

function post(
  agent: http.Agent,
  url: URL,
  body: Buffer,
  extra: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...extra, 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
