// Two projects: fast pure unit specs beside the code, and integration suites in test/
// that talk to the real PostgreSQL, RabbitMQ, Redis and SFTP services.
const { existsSync } = require('node:fs');
const path = require('node:path');

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

// Specs and suites that need the read-only shared folder (official schemas, corpus) are
// *.shared.spec.ts / *.shared.test.ts.
// Without the folder they are left out, said once here; a CI run (CI=true) fails instead.
const sharedRoot = process.env.TRADEHUB_SHARED_DIR ?? path.resolve(__dirname, '../shared');
const withoutShared = [];
if (!existsSync(sharedRoot)) {
  if (process.env.CI === 'true')
    throw new Error(`${sharedRoot} is missing: CI runs the *.shared.spec.ts suites against it`);
  process.stderr.write(`[jest] ${sharedRoot} not found: *.shared.spec.ts suites not run\n`);
  withoutShared.push('\\.shared\\.(spec|test)\\.ts$');
}

module.exports = {
  // A global option: jest ignores it inside a project.
  testTimeout: 60000,
  // One worker on two cores, recycled once it holds more than this after a file: in band, the
  // module registries of 230 suites grew past the 4 GB heap and the run died of it.
  workerIdleMemoryLimit: '1536MB',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/{core,mappings,connectors,gateway}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...withoutShared],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...withoutShared],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
