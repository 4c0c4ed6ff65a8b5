import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the local services', () => {
    const config = loadConfig({});
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/tradehub');
    expect(config.rabbit.url).toBe('amqp://guest:guest@127.0.0.1:5672');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(3000);
    expect(config.rabbit.retryDelaysMs).toEqual([1000, 5000, 30000, 120000]);
  });

  it('keeps raw payloads for good unless RAW_RETENTION_DAYS says how long', () => {
    expect(loadConfig({}).retention.rawDays).toBeUndefined();
    expect(loadConfig({ RAW_RETENTION_DAYS: '180' }).retention.rawDays).toBe(180);
    expect(() => loadConfig({ RAW_RETENTION_DAYS: '0' })).toThrow(ConfigError);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        RABBITMQ_PREFETCH: '0',
        SECRETS_KEY: 'short',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'RABBITMQ_PREFETCH', 'SECRETS_KEY'])
      expect(problems).toContain(name);
  });

  it('requires a secrets key and an admin key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_KEY[\s\S]*ADMIN_API_KEY/);
  });

  it('accepts a hex secrets key and passes seed variables through', () => {
    const config = loadConfig({ SECRETS_KEY: 'ab'.repeat(32), TRADEHUB_SEED_X: 'y', OTHER: 'z' });
    expect(config.secretsKey).toHaveLength(32);
    expect(config.seedVariables).toEqual({ TRADEHUB_SEED_X: 'y' });
  });
});
