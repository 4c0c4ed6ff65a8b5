import { TradeError } from '../../core/errors/trade-error';
import { deliveryError } from './delivery.worker';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('deliveryError', () => {
  it('makes a database that is restarting a transient failure, tried again', () => {
    const error = deliveryError(
      pgError('57P03', 'the database system is not yet accepting connections'),
    );
    expect({ kind: error.kind, retryable: error.retryable, stage: error.stage }).toEqual({
      kind: 'transient',
      retryable: true,
      stage: 'deliver',
    });
    expect(error.message).toBe('the database system is not yet accepting connections');
  });

  it('sees an outage through an internal TradeError that wraps it', () => {
    const wrapped = TradeError.from(pgError('ECONNREFUSED', 'connect ECONNREFUSED'), 'internal');
    expect(deliveryError(wrapped).retryable).toBe(true);
  });

  it('keeps a fault of the work itself final, and a TradeError of another kind as it is', () => {
    expect(deliveryError(new Error('render failed')).kind).toBe('internal');
    const rejected = new TradeError('rejected', 'partner refused the file');
    expect(deliveryError(rejected)).toBe(rejected);
  });
});
