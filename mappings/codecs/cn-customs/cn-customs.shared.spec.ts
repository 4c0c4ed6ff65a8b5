import { requireShared } from '../xml/shared-dir.testing';
import { validateXml } from '../xml/xml-validate';
import { ceb303Input } from './__fixtures__/ceb303-input';
import { writeCebMessage } from './ceb-write';

// Runs only when ../shared is there (jest.config.js); CI fails when it is missing.
describe('China customs against the official CEB schemas', () => {
  const dir = requireShared('schemas', 'china-customs');

  it('generated CEB303 is valid against the official 202205 export XSD', async () => {
    const result = await validateXml(writeCebMessage(ceb303Input), {
      schemaDir: dir,
      mainXsd: 'ceb-export-202205.xsd',
    });
    expect(result).toEqual({ valid: true, errors: [] });
  });

  it('resolves the xmldsig import of the official CEB schema', async () => {
    const result = await validateXml(
      '<ceb:CEB303Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"/>',
      { schemaDir: dir, mainXsd: 'ceb-export-202205.xsd' },
    );
    // The schema compiled (its import found): the only complaint is about the document itself.
    expect(result.errors.every((e) => e.file === 'document.xml')).toBe(true);
    expect(result.valid).toBe(false);
  });
});
