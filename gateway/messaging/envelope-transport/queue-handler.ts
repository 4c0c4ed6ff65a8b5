import { isObservable, lastValueFrom } from 'rxjs';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import type { EnvelopeHandler } from '../../../core/messaging/envelope-consumer';
import type { MessagingLogger } from '../../../core/messaging/logger';
import { documentTypeOfEvent } from '../../../core/model/events';
import { EnvelopeContext } from './envelope-context';
import type { HandlerQueue, QueueRoute } from './handler-queues';

/**
 * The consumer's view of one queue of `@EnvelopeHandlers` methods: dispatches each envelope by
 * its routing key to its method, inside the consumer's transaction. An envelope no method takes
 * (a binding left from an older release), or a canonical key carrying another document type,
 * is passed over: recorded as processed, with nothing done.
 */
export class QueueHandler implements EnvelopeHandler {
  readonly name: string;
  readonly bindings: readonly string[];
  readonly handleBatch?: (envelopes: Envelope[], tx: PoolClient) => Promise<void>;
  private readonly exact = new Map<string, QueueRoute>();
  private readonly patterns: QueueRoute[];

  constructor(
    queue: HandlerQueue,
    private readonly log: MessagingLogger,
  ) {
    this.name = queue.name;
    this.bindings = queue.routes.map((r) => r.event);
    for (const route of queue.routes) if (route.exact) this.exact.set(route.event, route);
    this.patterns = queue.routes.filter((r) => !r.exact);
    if (queue.routes.some((r) => r.batch)) this.handleBatch = (e, tx) => this.runBatch(e, tx);
  }

  async handle(envelope: Envelope, tx: PoolClient): Promise<void> {
    const route = this.route(envelope);
    if (route) await this.call(route, route.batch ? [envelope] : envelope, tx);
  }

  // Consecutive envelopes for the same batch method go to it together; the order holds.
  private async runBatch(envelopes: Envelope[], tx: PoolClient): Promise<void> {
    let run: Envelope[] = [];
    let runRoute: QueueRoute | undefined;
    for (const envelope of envelopes) {
      const route = this.route(envelope);
      if (!route) continue;
      if (run.length > 0 && route !== runRoute) await this.call(runRoute!, run, tx);
      if (route !== runRoute) run = [];
      runRoute = route;
      if (route.batch) run.push(envelope);
      else await this.call(route, envelope, tx);
    }
    if (run.length > 0) await this.call(runRoute!, run, tx);
  }

  private route(envelope: Envelope): QueueRoute | undefined {
    const route =
      this.exact.get(envelope.type) ?? this.patterns.find((r) => r.matches(envelope.type));
    if (!route) {
      this.log.warn(
        { envelopeId: envelope.id, type: envelope.type },
        `consumer ${this.name}: no handler; passed over`,
      );
      return undefined;
    }
    const expected = route.exact ? documentTypeOfEvent(envelope.type) : undefined;
    if (expected && envelope.documentType !== expected) {
      this.log.warn(
        {
          envelopeId: envelope.id,
          type: envelope.type,
          documentType: envelope.documentType,
          expected,
        },
        `consumer ${this.name}: unexpected document type; passed over`,
      );
      return undefined;
    }
    return route;
  }

  // Nest's proxy answers a handler's error as an erroring Observable (see RethrowToConsumer).
  private async call(
    route: QueueRoute,
    data: Envelope | Envelope[],
    tx: PoolClient,
  ): Promise<void> {
    const result: unknown = await route.call(data, new EnvelopeContext([tx, this.name]));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}
