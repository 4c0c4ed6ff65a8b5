import { queueArguments, topologyNames } from './topology';

const names = topologyNames('t-1-');

describe('topology names', () => {
  it('prefixes every exchange and queue with the namespace', () => {
    expect([names.events, names.dlx, names.retry]).toEqual([
      't-1-trade.events',
      't-1-trade.dlx',
      't-1-trade.retry',
    ]);
    expect(names.queue('clearance')).toBe('t-1-q.clearance');
    expect(names.deadLetterQueue('clearance')).toBe('t-1-q.clearance.dlq');
    expect(names.retryQueue('clearance', 1)).toBe('t-1-q.clearance.retry.1');
    expect(names.exchange('trade.events')).toBe('t-1-trade.events');
    expect(names.exchange('')).toBe('');
  });

  it('refuses consumer names that would make odd queue names', () => {
    expect(() => names.queue('Clearance Team')).toThrow(/consumer name/);
  });
});

describe('queueArguments', () => {
  it('quorum: dead-letters at least once to the DLX, delivery limit, TTL retry queues', () => {
    const args = queueArguments(names, 'logistics', {
      queueType: 'quorum',
      retryDelaysMs: [1000, 5000],
    });
    expect(args.work).toEqual({
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': 't-1-trade.dlx',
      'x-dead-letter-routing-key': 't-1-q.logistics',
      'x-dead-letter-strategy': 'at-least-once',
      'x-overflow': 'reject-publish',
      'x-delivery-limit': 20,
    });
    expect(args.retries[1]).toEqual({
      name: 't-1-q.logistics.retry.1',
      args: {
        'x-queue-type': 'quorum',
        'x-message-ttl': 5000,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': 't-1-q.logistics',
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
    });
  });

  it('classic: no quorum-only arguments', () => {
    const args = queueArguments(names, 'logistics', { queueType: 'classic', retryDelaysMs: [100] });
    expect(args.work).toEqual({
      'x-queue-type': 'classic',
      'x-dead-letter-exchange': 't-1-trade.dlx',
      'x-dead-letter-routing-key': 't-1-q.logistics',
    });
    expect(Object.keys(args.retries[0].args)).not.toContain('x-dead-letter-strategy');
  });
});
