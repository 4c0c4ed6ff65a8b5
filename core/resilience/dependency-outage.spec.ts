import { TradeError } from '../errors/trade-error';
import { isDependencyOutage } from './dependency-outage';

describe('isDependencyOutage', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('recognises a database restarting or refusing connections', () => {
    expect(isDependencyOutage(coded('57P01', 'terminating connection'))).toBe(true);
    expect(isDependencyOutage(coded('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDependencyOutage(coded('ECONNREFUSED'))).toBe(true);
    expect(isDependencyOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('recognises a database out of disk, memory or connection slots', () => {
    expect(isDependencyOutage(coded('53100', 'could not extend file'))).toBe(true);
    expect(isDependencyOutage(coded('53200', 'out of memory'))).toBe(true);
    expect(isDependencyOutage(coded('53300', 'sorry, too many clients already'))).toBe(true);
  });

  it('looks through wrappers', () => {
    const wrapped = TradeError.from(coded('ECONNREFUSED'), 'internal');
    expect(isDependencyOutage(wrapped)).toBe(true);
    expect(isDependencyOutage(new AggregateError([coded('ECONNRESET')]))).toBe(true);
  });

  it('leaves faults in the work alone', () => {
    expect(isDependencyOutage(coded('23505', 'duplicate key'))).toBe(false);
    // A statement over a program limit fails the same way however often it is tried.
    expect(isDependencyOutage(coded('54000', 'statement too complex'))).toBe(false);
    expect(isDependencyOutage(new TypeError('x is undefined'))).toBe(false);
    expect(isDependencyOutage(undefined)).toBe(false);
  });
});
