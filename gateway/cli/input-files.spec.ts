import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useTempDir } from './cli.testing';
import { isFolderDoc, isNegativeSample, listInputFiles } from './input-files';

describe('listInputFiles', () => {
  const tempDir = useTempDir();

  it('lists a folder recursively, sorted by relative name, hidden entries left out', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'b'));
    mkdirSync(path.join(dir, '.git'));
    for (const f of ['z.edi', 'b/a.xml', 'a.json', '.DS_Store', '.git/HEAD'])
      writeFileSync(path.join(dir, f), 'x');
    expect(listInputFiles(dir).map((f) => f.name)).toEqual([
      'a.json',
      path.join('b', 'a.xml'),
      'z.edi',
    ]);
    expect(listInputFiles(path.join(dir, 'z.edi'))).toEqual([
      { path: path.join(dir, 'z.edi'), name: path.join(dir, 'z.edi') },
    ]);
  });

  it('refuses a path that does not exist as a config error', () => {
    expect(() => listInputFiles(path.join(tempDir(), 'missing'))).toThrow(
      expect.objectContaining({ kind: 'config', message: expect.stringContaining('no such file') }),
    );
  });
});

describe('file naming rules', () => {
  it('knows NEG samples and folder documentation by their base name', () => {
    expect(isNegativeSample('edifact/NEG-orders.edi')).toBe(true);
    expect(isNegativeSample('edifact/orders-NEG.edi')).toBe(false);
    expect(isFolderDoc('corpus/SOURCES.md')).toBe(true);
    expect(isFolderDoc('shopee/sdk-doc.md')).toBe(false);
    // API descriptions are skipped by name, samples of the same API are not.
    expect(isFolderDoc('shopee/api-doc-v2.order.get_order_detail.json')).toBe(true);
    expect(isFolderDoc('amazon/schema-OrderChangeNotification.json')).toBe(true);
    expect(isFolderDoc('amazon/orders-v0-getOrder-response.json')).toBe(false);
  });
});
