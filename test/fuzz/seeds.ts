import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One seed input: a golden or fixture file of the repository, with the path it came from. */
export interface Seed {
  file: string;
  bytes: Buffer;
}

const ROOTS = ['core', 'mappings', 'connectors', 'gateway', 'test'];
/** Larger seeds add little to mutation and slow every input; big inputs are made by 'repeat'. */
const MAX_SEED_BYTES = 64 * 1024;

/**
 * The golden files and fixtures in the repository (folders named golden or __fixtures__,
 * TypeScript excluded), sorted by path so a seed number means the same file on every run.
 */
export function loadSeeds(repoRoot: string): Seed[] {
  const files: string[] = [];
  for (const root of ROOTS) walk(path.join(repoRoot, root), false, files);
  return files
    .sort()
    .map((file) => ({ file: path.relative(repoRoot, file), bytes: readFileSync(file) }))
    .filter((seed) => seed.bytes.length > 0 && seed.bytes.length <= MAX_SEED_BYTES);
}

function walk(dir: string, inSeedDir: boolean, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      walk(full, inSeedDir || name === 'golden' || name === '__fixtures__', out);
    } else if (inSeedDir && !name.endsWith('.ts')) out.push(full);
  }
}
