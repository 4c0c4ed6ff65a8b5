import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { requireShared } from '../xml/shared-dir.testing';
import { validateXml } from '../xml/xml-validate';
import { pain001Input } from './__fixtures__/pain001-input';
import type { Pain001Version } from './pain001-types';
import { writePain001 } from './pain001-write';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, '__fixtures__', name));

// Runs only when ../shared is there (jest.config.js); CI fails when it is missing.
describe('ISO 20022 against the official XSDs', () => {
  const dir = requireShared('schemas', 'iso20022');

  it.each([
    ['camt.053.001.02.xml', 'camt.053.001.02.xsd'],
    ['camt.053.001.08.xml', 'camt.053.001.08.xsd'],
  ])('fixture %s is valid against the official %s', async (file, xsd) => {
    expect(await validateXml(fixture(file), { schemaDir: dir, mainXsd: xsd })).toEqual({
      valid: true,
      errors: [],
    });
  });

  it.each<Pain001Version>(['pain.001.001.03', 'pain.001.001.09'])(
    'generated %s is valid against the official XSD',
    async (version) => {
      const result = await validateXml(writePain001(pain001Input(version)), {
        schemaDir: dir,
        mainXsd: `${version}.xsd`,
      });
      expect(result).toEqual({ valid: true, errors: [] });
    },
  );
});
