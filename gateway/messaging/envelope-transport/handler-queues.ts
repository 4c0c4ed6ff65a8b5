import type { MessageHandler } from '@nestjs/microservices';
import type { EnvelopeRoute, EnvelopeRouteExtras } from './envelope-handlers.decorator';

/** One handler method of a queue, as Nest registered it (guards, pipes, filters applied). */
export interface QueueRoute {
  event: string;
  /** Matches a routing key: the key itself, or a topic pattern (`*` one word, `#` the rest). */
  matches: (type: string) => boolean;
  exact: boolean;
  batch: boolean;
  call: MessageHandler;
}

export interface HandlerQueue {
  name: string;
  routes: QueueRoute[];
}

/**
 * Groups the registered handler methods by queue and checks the rules a boot must refuse to
 * break: every method names a queue, one class per queue, and every binding of a queue has
 * exactly one method (no duplicate key, no key also caught by a pattern of the same queue).
 */
export function handlerQueues(handlers: Map<string, MessageHandler>): HandlerQueue[] {
  const queues = new Map<string, HandlerQueue & { owner: string }>();
  for (const [key, call] of handlers) {
    const route = parseRoute(key);
    const extras = call.extras as Partial<EnvelopeRouteExtras> | undefined;
    if (!route || !extras?.queue || !extras.owner)
      throw new Error(`event handler ${key} has no queue: its class needs @EnvelopeHandlers()`);
    if (call.next)
      throw new Error(`queue ${route.queue}: two methods handle ${route.event}; keep one`);
    let queue = queues.get(route.queue);
    if (!queue)
      queues.set(route.queue, (queue = { name: route.queue, owner: extras.owner, routes: [] }));
    if (queue.owner !== extras.owner)
      throw new Error(`queue ${route.queue} is named by ${queue.owner} and ${extras.owner}`);
    queue.routes.push(queueRoute(route.event, call, extras.batch === true));
  }
  for (const queue of queues.values()) checkOverlaps(queue);
  return [...queues.values()].map(({ name, routes }) => ({ name, routes }));
}

function parseRoute(key: string): EnvelopeRoute | undefined {
  try {
    const route = JSON.parse(key) as Partial<EnvelopeRoute>;
    return typeof route.queue === 'string' && typeof route.event === 'string'
      ? { queue: route.queue, event: route.event }
      : undefined;
  } catch {
    return undefined;
  }
}

function queueRoute(event: string, call: MessageHandler, batch: boolean): QueueRoute {
  const exact = !/[*#]/.test(event);
  return { event, exact, batch, call, matches: exact ? (t) => t === event : topicMatcher(event) };
}

// AMQP topic matching, with '#' allowed only as the last word (all our bindings use it so).
function topicMatcher(pattern: string): (type: string) => boolean {
  const words = pattern.split('.');
  if (words.slice(0, -1).includes('#'))
    throw new Error(`binding ${pattern}: '#' is allowed only as the last word`);
  const body = words
    .map((w, i) => {
      if (w === '#') return i === 0 ? '.*' : '(?:\\..+)?';
      const word = w === '*' ? '[^.]+' : w.replace(/[-]/g, '\\-');
      return i === 0 ? word : `\\.${word}`;
    })
    .join('');
  const re = new RegExp(`^${body}$`);
  return (type) => re.test(type);
}

function checkOverlaps(queue: HandlerQueue): void {
  for (const a of queue.routes)
    for (const b of queue.routes)
      if (a !== b && a.matches(b.event))
        throw new Error(
          `queue ${queue.name}: ${b.event} is bound twice (also by ${a.event}); every binding needs exactly one handler`,
        );
}
