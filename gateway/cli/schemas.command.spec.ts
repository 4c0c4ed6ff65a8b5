import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportJsonSchemas } from '../../core/model/documents';
import { recordingEnvironment, useTempDir } from './cli.testing';
import { runSchemas, schemaIndex } from './schemas.command';

const COMMITTED = path.resolve(__dirname, '../../docs/schemas');
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('runSchemas', () => {
  const tempDir = useTempDir();

  it('writes every schema, index.json and README.md', async () => {
    const dir = tempDir();
    const env = recordingEnvironment();
    expect(await runSchemas(dir, env.io)).toBe(0);
    const names = Object.keys(exportJsonSchemas());
    expect(readdirSync(dir).sort()).toEqual(
      [...names.map((n) => `${n}.json`), 'README.md', 'index.json'].sort(),
    );
    const index = JSON.parse(read(dir, 'index.json'));
    expect(index.map((e: { name: string }) => e.name)).toEqual(names);
    expect(index[0]).toEqual({
      name: 'Envelope',
      file: 'Envelope.json',
      $id: 'https://tradehub.example/schemas/Envelope-1.json',
      title: 'Envelope',
    });
    expect(JSON.parse(read(dir, 'ShipmentEvent.json'))).toMatchObject({
      title: 'ShipmentEvent',
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    });
    expect(read(dir, 'README.md')).toContain(
      '| ShipmentEvent | [ShipmentEvent.json](ShipmentEvent.json) |',
    );
    expect(env.stdout).toEqual([
      `wrote ${names.length} schemas, index.json and README.md to ${dir}`,
    ]);
  });

  it('removes files a previous run wrote that are no longer exported, nothing else', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify([{ file: 'Retired.json' }]));
    writeFileSync(path.join(dir, 'Retired.json'), '{}');
    writeFileSync(path.join(dir, 'notes.json'), '{}');
    const env = recordingEnvironment();
    await runSchemas(dir, env.io);
    expect(existsSync(path.join(dir, 'Retired.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'notes.json'))).toBe(true);
    expect(env.stdout[1]).toBe('removed stale Retired.json');
  });

  it('matches what is committed in docs/schemas (run `npm run schemas` after a model change)', async () => {
    const dir = tempDir();
    await runSchemas(dir, recordingEnvironment().io);
    for (const file of readdirSync(dir))
      expect([file, read(COMMITTED, file)]).toEqual([file, read(dir, file)]);
    expect(readdirSync(COMMITTED).sort()).toEqual(readdirSync(dir).sort());
  });
});

describe('schemaIndex', () => {
  it('falls back to the name for a schema without title or $id', () => {
    expect(schemaIndex({ X: {} })).toEqual([{ name: 'X', file: 'X.json', $id: '', title: 'X' }]);
  });
});
