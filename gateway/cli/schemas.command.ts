import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportJsonSchemas } from '../../core/model/documents';
import { EXIT, withUsageErrors, type CliIo } from './cli-context';

/** One line of index.json. */
export interface SchemaIndexEntry {
  name: string;
  file: string;
  $id: string;
  title: string;
}

/** The index of a set of schemas, in the order exportJsonSchemas() gives them. */
export function schemaIndex(schemas: Record<string, object>): SchemaIndexEntry[] {
  return Object.entries(schemas).map(([name, schema]) => {
    const s = schema as { $id?: unknown; title?: unknown };
    return {
      name,
      file: `${name}.json`,
      $id: typeof s.$id === 'string' ? s.$id : '',
      title: typeof s.title === 'string' ? s.title : name,
    };
  });
}

/** README.md of the folder: what the files are and how to regenerate them. */
export function schemasReadme(index: readonly SchemaIndexEntry[]): string {
  const rows = index.map((e) => `| ${e.name} | [${e.file}](${e.file}) | \`${e.$id}\` |`);
  return [
    '# Canonical JSON Schemas',
    '',
    'Generated from the zod schemas in `core/model/` by `npm run schemas`',
    '(`tradehub schemas docs/schemas`); do not edit by hand. JSON Schema draft 2020-12.',
    '`index.json` lists the same files for programs.',
    '',
    '| document | file | $id |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

// Files a previous run wrote and this one does not (a document type removed) are deleted;
// nothing else in the folder is touched.
function removeStale(dir: string, keep: ReadonlySet<string>): string[] {
  const indexFile = path.join(dir, 'index.json');
  if (!existsSync(indexFile)) return [];
  let previous: unknown;
  try {
    previous = JSON.parse(readFileSync(indexFile, 'utf8'));
  } catch {
    return [];
  }
  const files = Array.isArray(previous)
    ? previous.map((e) => (e as { file?: unknown }).file).filter((f) => typeof f === 'string')
    : [];
  const stale = files.filter((f) => !keep.has(f) && path.basename(f) === f);
  for (const f of stale) rmSync(path.join(dir, f), { force: true });
  return stale;
}

/** `tradehub schemas <dir>`: every canonical JSON Schema as <Name>.json, index.json, README.md. */
export function runSchemas(dir: string, io: CliIo): Promise<number> {
  return withUsageErrors(io, () => {
    const schemas = exportJsonSchemas();
    const index = schemaIndex(schemas);
    mkdirSync(dir, { recursive: true });
    const stale = removeStale(dir, new Set(index.map((e) => e.file)));
    for (const entry of index)
      writeFileSync(
        path.join(dir, entry.file),
        JSON.stringify(schemas[entry.name], null, 2) + '\n',
      );
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
    writeFileSync(path.join(dir, 'README.md'), schemasReadme(index));
    io.out(`wrote ${index.length} schemas, index.json and README.md to ${dir}`);
    if (stale.length > 0) io.out(`removed stale ${stale.join(', ')}`);
    return EXIT.ok;
  });
}
