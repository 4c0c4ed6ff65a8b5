import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { requireShared } from '../codecs/xml/shared-dir.testing';
import { CebSchemaValidator } from '../cn-customs-outbound/ceb-validate';

const dir = path.join(__dirname, 'golden');
const samples = readdirSync(dir).filter((f) => f.endsWith('.xml'));

// The golden filings are written by hand from the XSD; this keeps them honest to it.
describe('CEB filing golden samples', () => {
  const validator = new CebSchemaValidator(requireShared('schemas', 'china-customs'));

  it.each(samples)('%s is valid against the 2022-05 XSD', async (file) => {
    const type = /^(CEB\d{3})/.exec(file)![1];
    const problems = await validator.problems(readFileSync(path.join(dir, file)), type, '202205');
    expect(problems).toEqual([]);
  });
});
