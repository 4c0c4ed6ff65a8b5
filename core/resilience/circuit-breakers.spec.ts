import { TradeError } from '../errors/trade-error';
import { CircuitBreakers, endpointKey } from './circuit-breakers';

describe('CircuitBreakers', () => {
  const transient = () => Promise.reject(new TradeError('transient', 'HTTP 503'));

  it('opens after the configured failures in a row, then fails at once with the time left', async () => {
    let now = 1_000_000;
    const circuits = new CircuitBreakers(() => now);
    circuits.configure({ failures: 2, halfOpenAfterMs: 10_000 });
    for (let i = 0; i < 2; i++)
      await expect(circuits.run('https://a.example/v1', 'deliver', transient)).rejects.toThrow(
        'HTTP 503',
      );
    now += 4_000;
    let called = false;
    await expect(
      circuits.run('https://a.example/v1/', 'deliver', async () => (called = true)),
    ).rejects.toMatchObject({ kind: 'transient', code: 'circuit-open', retryAfterMs: 6_000 });
    expect(called).toBe(false);
    expect(circuits.view('https://a.example/v1')).toEqual({
      endpoint: 'https://a.example/v1',
      state: 'open',
      retryAt: new Date(1_010_000).toISOString(),
    });
    expect(circuits.view('https://b.example').state).toBe('closed');
  });

  it('keys endpoints by origin and path, without query or trailing slash', () => {
    expect(endpointKey('https://api.example:8443/v2/?x=1')).toBe('https://api.example:8443/v2');
    expect(endpointKey('not a url')).toBe('not a url');
  });
});
