import {
  applyDecorators,
  Catch,
  Controller,
  UseFilters,
  type RpcExceptionFilter,
} from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  PARAM_ARGS_METADATA,
  PATTERN_EXTRAS_METADATA,
  PATTERN_METADATA,
} from '@nestjs/microservices/constants';
import { throwError, type Observable } from 'rxjs';
import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from './envelope-context';

/** Where a handler method listens: its queue and one routing key (or topic pattern). */
export interface EnvelopeRoute {
  queue: string;
  event: string;
}

/** What the transport needs of a method besides its pattern. */
export interface EnvelopeRouteExtras {
  queue: string;
  /** The class that named the queue; two classes may not share one. */
  owner: string;
  /** The method takes every envelope of its event in the batch at once. */
  batch?: boolean;
}

type EventMethod<K extends string> = (
  envelope: EventEnvelope<K>,
  context: EnvelopeContext,
) => Promise<void>;
type BatchMethod<K extends string> = (
  envelopes: Array<EventEnvelope<K>>,
  context: EnvelopeContext,
) => Promise<void>;
// Only the method's type is checked (a TypedPropertyDescriptor would also demand its setter).
type MethodDecorator<M> = (target: object, key: string | symbol, descriptor: { value?: M }) => void;

/**
 * `@EventPattern(type)` whose method must take the envelope of that event type: the payload of
 * a canonical routing key is its document (`logistics.shipment.status` -> ShipmentEvent), of
 * any other key or topic pattern `unknown`.
 */
export function OnEvent<K extends string>(type: K): MethodDecorator<EventMethod<K>> {
  return (target, key, descriptor) => {
    EventPattern(type)(target, key, descriptor);
  };
}

/**
 * Like OnEvent, but the method takes every envelope of that event in the consumer's batch at
 * once (multi-row statements); the envelopes keep their delivery order.
 */
export function OnEventBatch<K extends string>(type: K): MethodDecorator<BatchMethod<K>> {
  return (target, key, descriptor) => {
    EventPattern(type, { batch: true })(target, key, descriptor);
  };
}

/** Hands a handler's error to the consumer as thrown, which decides retry or dead letter. */
@Catch()
export class RethrowToConsumer implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Makes a class a Nest controller of envelope handlers on one queue, `q.<queue>` (also the
 * idempotency consumer name): each `@OnEvent`/`@EventPattern` method is bound to that queue.
 * List the class under its module's `controllers`.
 */
export function EnvelopeHandlers(queue: string): ClassDecorator {
  const bindToQueue: ClassDecorator = (target) => {
    const proto = target.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const method = proto[key];
      if (typeof method !== 'function') continue;
      const events = Reflect.getMetadata(PATTERN_METADATA, method) as unknown[] | undefined;
      if (!events) continue;
      const routes = events.map((event): EnvelopeRoute => {
        if (typeof event !== 'string')
          throw new Error(`${target.name}.${key}: an envelope event pattern is a routing key`);
        return { queue, event };
      });
      Reflect.defineMetadata(PATTERN_METADATA, routes, method);
      const extras = Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method) as object | undefined;
      const more: EnvelopeRouteExtras = { ...extras, queue, owner: target.name };
      Reflect.defineMetadata(PATTERN_EXTRAS_METADATA, more, method);
      // Nest passes only the payload unless told otherwise; every method also gets the context.
      if (!Reflect.getMetadata(PARAM_ARGS_METADATA, target, key)) {
        Payload()(proto, key, 0);
        Ctx()(proto, key, 1);
      }
    }
  };
  return applyDecorators(Controller(), UseFilters(RethrowToConsumer), bindToQueue);
}
