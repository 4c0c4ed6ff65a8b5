import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const STRONG_KEY = '3f9a1c7e52d04b86a1e9f0c2d7b5463e8a0c1f2e3d4b5a697887a6b5c4d3e2f1';
const STRONG_ADMIN = 'k7Qm2vX9pL4wR8tZ3nB6';

/** Boots the real entry point in production with these secrets; config errors exit 2. */
function boot(secrets: Record<string, string>) {
  return spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'gateway/main.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        // Nothing answers there: a boot that passes the config check fails later, not with 2.
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        ...secrets,
      },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

const hasCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;

describe('security: production refuses default or weak secrets, and compose asks for them', () => {
  it.each([
    ['an all-zero SECRETS_KEY', { SECRETS_KEY: '0'.repeat(64), ADMIN_API_KEY: STRONG_ADMIN }],
    [
      'the old compose admin key',
      { SECRETS_KEY: STRONG_KEY, ADMIN_API_KEY: 'change-me-admin-key-0001' },
    ],
    [
      'the development admin key',
      { SECRETS_KEY: STRONG_KEY, ADMIN_API_KEY: 'dev-admin-key-change-me' },
    ],
    ['no secrets at all', {}],
  ])(
    'does not start with %s',
    (_, secrets) => {
      const run = boot(secrets);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/invalid configuration:[\s\S]*(SECRETS_KEY|ADMIN_API_KEY)/);
    },
    120_000,
  );

  it('has no default for either secret in docker-compose.yml', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/SECRETS_KEY: \$\{SECRETS_KEY:\?[^}]+\}/);
    expect(compose).toMatch(/ADMIN_API_KEY: \$\{ADMIN_API_KEY:\?[^}]+\}/);
    expect(compose).not.toMatch(/(SECRETS_KEY|ADMIN_API_KEY):-/);
  });

  // Where docker-compose is installed (it is on the development machines), it must agree.
  (hasCompose ? it : it.skip)('validates with the secrets set and refuses without them', () => {
    const env = { PATH: process.env.PATH };
    const without = spawnSync('docker-compose', ['config', '-q'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(without.status).not.toBe(0);
    expect(without.stderr).toMatch(/set SECRETS_KEY|set ADMIN_API_KEY/);
    execFileSync('docker-compose', ['config', '-q'], {
      cwd: ROOT,
      env: { ...env, SECRETS_KEY: STRONG_KEY, ADMIN_API_KEY: STRONG_ADMIN },
    });
  });
});
