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

  describe('refuses a default or weak secret in production', () => {
    const strongKey = '3f9a1c7e52d04b86a1e9f0c2d7b5463e8a0c1f2e3d4b5a697887a6b5c4d3e2f1';
    const strongAdmin = 'k7Qm2vX9pL4wR8tZ3nB6';
    const production = (SECRETS_KEY: string, ADMIN_API_KEY: string) => () =>
      loadConfig({ NODE_ENV: 'production', SECRETS_KEY, ADMIN_API_KEY });

    it('starts with random-looking secrets', () => {
      expect(production(strongKey, strongAdmin)().env).toBe('production');
    });

    it.each([
      ['all-zero', '0'.repeat(64)],
      ['a repeated byte', 'ab'.repeat(32)],
      ['a repeated pair', 'abcd'.repeat(16)],
      ['base64 of a repeated letter', Buffer.alloc(32, 'a').toString('base64')],
    ])('SECRETS_KEY %s', (_, key) => {
      expect(production(key, strongAdmin)).toThrow(/SECRETS_KEY: too regular/);
    });

    it.each([
      ['the development default', 'dev-admin-key-change-me', /refused in production/],
      ['the old compose default', 'change-me-admin-key-0001', /default shipped/],
      ['a placeholder', 'my-example-admin-key-123', /placeholder/],
      ['too few distinct characters', 'aaaaaaaabbbbbbbb1111', /distinct characters/],
    ])('ADMIN_API_KEY %s', (_, admin, reason) => {
      expect(production(strongKey, admin)).toThrow(reason);
    });

    it('keeps development and test as they were', () => {
      expect(loadConfig({ NODE_ENV: 'test', SECRETS_KEY: '0'.repeat(64) }).env).toBe('test');
    });
  });

  it('accepts a hex secrets key and passes seed variables through', () => {
    const config = loadConfig({ SECRETS_KEY: 'ab'.repeat(32), TRADEHUB_SEED_X: 'y', OTHER: 'z' });
    expect(config.secretsKey).toHaveLength(32);
    expect(config.seedVariables).toEqual({ TRADEHUB_SEED_X: 'y' });
  });
});
