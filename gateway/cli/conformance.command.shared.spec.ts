import { requireShared } from '../../mappings/codecs/xml/shared-dir.testing';
import { CORPUS, recordingEnvironment } from './cli.testing';
import { runConformance } from './conformance.command';

// Runs only when ../shared is there (jest.config.js); CI fails when it is missing.
describe('runConformance with the official schemas', () => {
  it('validates ISO 20022 files against the official XSDs with --schemas', async () => {
    const schemas = requireShared('schemas');
    const env = recordingEnvironment();
    expect(await runConformance(CORPUS, { schemas }, env)).toBe(0);
    expect(env.stdout[0].endsWith('xsd')).toBe(true);
    expect(env.stdout.find((l) => l.startsWith('iso20022'))).toMatch(/ 1\/1$/);
    expect(env.stdout[env.stdout.length - 1]).toMatch(/XSD 1\/1 valid/);
  });
});
