import * as http from 'node:http';
import { faultMessage, partnerOf, type FaultMessage } from './fault-partners';

export interface LoadOptions {
  url: string;
  run: string;
  count: number;
  inFlight: number;
  /** Every n-th message is posted three times at once (a partner's racing resends). */
  triplicateEvery?: number;
  /** Called once after each acknowledged message, with how many are acknowledged so far. */
  onAcked?: (acked: number) => void;
  /** Messages from this index on wait for `hold` (so some are sent only after the fault). */
  holdFrom?: number;
  hold?: () => Promise<void>;
  /** Gives up on a message after this long without a 2xx (the table then counts it lost). */
  giveUpMs?: number;
}

export interface LoadOutcome {
  messages: FaultMessage[];
  /** Indexes the gateway acknowledged (2xx) at least once. */
  acked: Set<number>;
  /** Answers by status (0 = connection error), every try counted. */
  statuses: Map<number, number>;
  /** Times (epoch ms) of each 2xx answer, for the recovery time. */
  ackTimes: number[];
  /**
   * 5xx answers that were not 503 with Retry-After: a dependency fault must tell the partner
   * to come back later, not that the gateway broke (500) or how long to wait nothing.
   */
  badRefusals: number;
}

/**
 * Posts `count` orders with `inFlight` requests at a time, as a partner that retries until it
 * gets a 2xx: a connection error, a 5xx or a 429 is tried again after a short back-off with the
 * same body and message id (re-signed), so a message the gateway stored before it died is
 * deduplicated, not stored twice. A 4xx other than 429 is final.
 */
export async function pushOrders(options: LoadOptions): Promise<LoadOutcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.inFlight * 3 });
  const outcome: LoadOutcome = {
    messages: [],
    acked: new Set(),
    statuses: new Map(),
    ackTimes: [],
    badRefusals: 0,
  };
  let next = 0;
  const send = async (message: FaultMessage) => {
    const until = Date.now() + (options.giveUpMs ?? 600_000);
    for (let attempt = 0; Date.now() < until; attempt++) {
      const { status, retryAfter } = await post(agent, options.url, message).catch(() => ({
        status: 0,
        retryAfter: undefined,
      }));
      if (status >= 500 && (status !== 503 || !retryAfter)) outcome.badRefusals++;
      outcome.statuses.set(status, (outcome.statuses.get(status) ?? 0) + 1);
      if (status >= 200 && status < 300) {
        outcome.ackTimes.push(Date.now());
        return true;
      }
      if (status >= 400 && status < 500 && status !== 429 && status !== 408) return false;
      await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** Math.min(attempt, 6))));
    }
    return false;
  };
  const worker = async () => {
    while (next < options.count) {
      const index = next++;
      if (options.hold && index >= (options.holdFrom ?? Infinity)) await options.hold();
      const message = faultMessage(options.run, index);
      outcome.messages.push(message);
      const copies = options.triplicateEvery && message.index % options.triplicateEvery === 0;
      const answers = await Promise.all(
        Array.from({ length: copies ? 3 : 1 }, () => send(message)),
      );
      if (answers.some(Boolean)) {
        outcome.acked.add(message.index);
        options.onAcked?.(outcome.acked.size);
      }
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, worker));
  agent.destroy();
  return outcome;
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
}

function post(agent: http.Agent, base: string, message: FaultMessage): Promise<Answer> {
  const headers = {
    ...partnerOf(message.partnerId).headers(message.body),
    'content-type': 'application/json',
    'content-length': String(message.body.length),
    'x-message-id': message.messageId,
  };
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(`/inbound/${message.partnerId}`, base),
      { method: 'POST', agent, headers, timeout: 30_000 },
      (response) => {
        response.resume();
        const retryAfter = response.headers['retry-after'];
        response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(message.body);
  });
}
