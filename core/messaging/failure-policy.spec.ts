import { TradeError } from '../errors/trade-error';
import { classifyFailure } from './failure-policy';

const pgError = (code: string) => Object.assign(new Error(`pg says ${code}`), { code });

describe('classifyFailure', () => {
  it.each([
    ['TradeError transient', new TradeError('transient', 'bank API 503'), 'transient', true],
    ['TradeError rejected', new TradeError('rejected', 'bad qualifier'), 'rejected', false],
    ['TradeError mapping', new TradeError('mapping', 'no HS code'), 'mapping', false],
    ['TradeError config', new TradeError('config', 'no partner'), 'config', false],
    ['serialization failure', pgError('40001'), 'transient', true],
    ['deadlock', pgError('40P01'), 'transient', true],
    ['admin shutdown', pgError('57P01'), 'transient', true],
    ['connection failure', pgError('08006'), 'transient', true],
    ['connection refused', pgError('ECONNREFUSED'), 'transient', true],
    ['unique violation', pgError('23505'), 'internal', false],
    ['plain Error', new Error('boom'), 'internal', false],
    ['a thrown string', 'boom', 'internal', false],
  ])('%s -> %s', (_label, err, kind, transient) => {
    const failure = classifyFailure(err);
    expect(failure.kind).toBe(kind);
    expect(failure.transient).toBe(transient);
  });

  it('puts the input location and the error code into the reason', () => {
    const located = new TradeError('mapping', 'unknown incoterm', {
      location: { segmentIndex: 7, segmentTag: 'TOD' },
    });
    expect(classifyFailure(located).reason).toBe('unknown incoterm at segment 7 (TOD)');
    expect(classifyFailure(pgError('23505')).reason).toBe('pg says 23505 (23505)');
  });

  it('truncates very long reasons so the header table stays small', () => {
    expect(classifyFailure(new Error('x'.repeat(5_000))).reason.length).toBe(1_000);
  });

  it('retries a connection lost without a code, even wrapped as internal', () => {
    const lost = new Error('Connection terminated unexpectedly');
    expect(classifyFailure(lost)).toMatchObject({ kind: 'transient', transient: true });
    const wrapped = TradeError.from(lost, 'internal', 'handle');
    expect(classifyFailure(wrapped)).toMatchObject({ kind: 'transient', transient: true });
    expect(classifyFailure(new TradeError('internal', 'bug'))).toMatchObject({ transient: false });
  });

  it('tells a dependency outage (disk full, no connection slot) from a failing message', () => {
    expect(classifyFailure(pgError('53100'))).toMatchObject({ transient: true, outage: true });
    expect(classifyFailure(pgError('53300'))).toMatchObject({ transient: true, outage: true });
    expect(classifyFailure(pgError('40001'))).toMatchObject({ transient: true, outage: false });
    // A handler's statement cancelled by its timeout: retried, within the retry budget.
    expect(classifyFailure(pgError('57014'))).toMatchObject({ transient: true, outage: false });
  });
});
