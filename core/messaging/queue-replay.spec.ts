import { topicRegex } from './queue-replay';

const matches = (pattern: string, key: string) => new RegExp(topicRegex(pattern)).test(key);

describe('topicRegex', () => {
  it('matches one word for * and none or more for #, as RabbitMQ does', () => {
    expect(matches('commerce.order.*', 'commerce.order.created')).toBe(true);
    expect(matches('commerce.order.*', 'commerce.order')).toBe(false);
    expect(matches('commerce.order.*', 'commerce.order.line.added')).toBe(false);
    expect(matches('logistics.#', 'logistics')).toBe(true);
    expect(matches('logistics.#', 'logistics.shipment.event.recorded')).toBe(true);
    expect(matches('logistics.#', 'logisticsx.a')).toBe(false);
    expect(matches('#', 'any.thing')).toBe(true);
    expect(matches('#.created', 'created')).toBe(true);
    expect(matches('#.created', 'commerce.order.created')).toBe(true);
    expect(matches('a.#.b', 'a.b')).toBe(true);
    expect(matches('a.#.b', 'a.x.y.b')).toBe(true);
  });

  it('takes other characters literally', () => {
    expect(matches('trade-finance.lc.*', 'trade-finance.lc.issued')).toBe(true);
    expect(matches('a.b', 'aXb')).toBe(false);
  });
});
