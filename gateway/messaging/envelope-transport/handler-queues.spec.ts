import type { MessageHandler } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import { silentLogger } from '../../../core/messaging/logger';
import type { EnvelopeContext } from './envelope-context';
import { handlerQueues } from './handler-queues';
import { QueueHandler } from './queue-handler';

type Call = { method: string; data: unknown; queue: string };

// What Nest registers for a method of an @EnvelopeHandlers class: the route key and extras.
function registry(
  entries: Array<[queue: string, event: string, owner?: string, batch?: boolean]>,
  calls: Call[] = [],
): Map<string, MessageHandler> {
  const map = new Map<string, MessageHandler>();
  for (const [queue, event, owner = 'Handlers', batch] of entries) {
    const key = JSON.stringify({ event, queue });
    const call = (async (data: unknown, ctx: EnvelopeContext) => {
      calls.push({ method: event, data, queue: ctx.queue });
    }) as MessageHandler;
    call.extras = { queue, owner, batch };
    const head = map.get(key);
    if (head) head.next = call;
    else map.set(key, call);
  }
  return map;
}

const envelope = (type: string, documentType: string, id = type): Envelope =>
  ({ id, type, documentType, payload: {} }) as Envelope;
const tx = {} as PoolClient;

describe('handler queues', () => {
  it('group methods by queue with their bindings', () => {
    const queues = handlerQueues(
      registry([
        ['logistics-timeline', 'logistics.shipment.status'],
        ['test-recorder', 'commerce.#', 'Recorder'],
        ['test-recorder', 'logistics.#', 'Recorder'],
      ]),
    );
    expect(queues.map((q) => [q.name, q.routes.map((r) => r.event)])).toEqual([
      ['logistics-timeline', ['logistics.shipment.status']],
      ['test-recorder', ['commerce.#', 'logistics.#']],
    ]);
  });

  it('refuse two methods for one binding of a queue', () => {
    const twice = registry([
      ['logistics-bookings', 'logistics.shipment.status'],
      ['logistics-bookings', 'logistics.shipment.status'],
    ]);
    expect(() => handlerQueues(twice)).toThrow(/two methods handle logistics.shipment.status/);
  });

  it('refuse a routing key that a pattern of the same queue also binds', () => {
    const overlap = registry([
      ['q', 'logistics.#'],
      ['q', 'logistics.shipment.status'],
    ]);
    expect(() => handlerQueues(overlap)).toThrow(/logistics.shipment.status is bound twice/);
  });

  it('refuse a method without a queue and a queue named by two classes', () => {
    const plain = new Map<string, MessageHandler>([
      ['logistics.shipment.status', (async () => undefined) as MessageHandler],
    ]);
    expect(() => handlerQueues(plain)).toThrow(/has no queue/);
    const shared = registry([
      ['q', 'a.b.c', 'One'],
      ['q', 'a.b.d', 'Two'],
    ]);
    expect(() => handlerQueues(shared)).toThrow(/queue q is named by One and Two/);
  });

  it('let the same routing key feed several queues', () => {
    const fanout = registry([
      ['logistics-bookings', 'logistics.shipment.status'],
      ['logistics-timeline', 'logistics.shipment.status'],
    ]);
    expect(handlerQueues(fanout)).toHaveLength(2);
  });
});

describe('queue handler', () => {
  it('dispatch by routing key, exact before pattern, and pass over what no method takes', async () => {
    const calls: Call[] = [];
    const [queue] = handlerQueues(
      registry(
        [
          ['q', 'logistics.shipment.status'],
          ['q', 'warehouse.*.snapshot'],
        ],
        calls,
      ),
    );
    const handler = new QueueHandler(queue, silentLogger);
    expect(handler.bindings).toEqual(['logistics.shipment.status', 'warehouse.*.snapshot']);
    expect(handler.handleBatch).toBeUndefined();
    await handler.handle(envelope('logistics.shipment.status', 'ShipmentEvent'), tx);
    await handler.handle(envelope('warehouse.inventory.snapshot', 'WarehouseInventory'), tx);
    await handler.handle(envelope('commerce.order.created', 'SalesOrder'), tx);
    // A canonical key with another document than the model says is not handed to the method.
    await handler.handle(envelope('logistics.shipment.status', 'BillOfLading'), tx);
    expect(calls.map((c) => [c.method, c.queue])).toEqual([
      ['logistics.shipment.status', 'q'],
      ['warehouse.*.snapshot', 'q'],
    ]);
  });

  it('hand consecutive envelopes of a batch method over together, in delivery order', async () => {
    const calls: Call[] = [];
    const [queue] = handlerQueues(
      registry(
        [
          ['q', 'commerce.order.created', 'Handlers', true],
          ['q', 'commerce.invoice.issued'],
        ],
        calls,
      ),
    );
    const handler = new QueueHandler(queue, silentLogger);
    const o1 = envelope('commerce.order.created', 'SalesOrder', 'o1');
    const o2 = envelope('commerce.order.created', 'SalesOrder', 'o2');
    const i1 = envelope('commerce.invoice.issued', 'CommercialInvoice', 'i1');
    const o3 = envelope('commerce.order.created', 'SalesOrder', 'o3');
    await handler.handleBatch!([o1, o2, i1, o3], tx);
    expect(calls.map((c) => c.data)).toEqual([[o1, o2], i1, [o3]]);
  });

  it('throw the method error as thrown, for the consumer to retry or dead-letter', async () => {
    const boom = new Error('boom');
    const map = registry([['q', 'a.b.c']]);
    const failing = (async () => {
      throw boom;
    }) as MessageHandler;
    failing.extras = map.get(JSON.stringify({ event: 'a.b.c', queue: 'q' }))!.extras;
    map.set(JSON.stringify({ event: 'a.b.c', queue: 'q' }), failing);
    const handler = new QueueHandler(handlerQueues(map)[0], silentLogger);
    await expect(handler.handle(envelope('a.b.c', 'X'), tx)).rejects.toBe(boom);
  });
});
