// Builds the console into dist/console unless that build is newer than every source file,
// so that `npm run build` (start, bench, conformance) and the test set-up stay fast.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const built = join(here, '..', 'dist', 'console', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src', 'index.html', 'vite.config.ts', 'build.mjs'].map((p) => join(here, p));
const stale =
  !existsSync(built) ||
  Math.max(...sources.map(newest), newest(join(here, '..', 'package-lock.json'))) >
    statSync(built).mtimeMs;
if (stale || process.argv.includes('--force')) {
  const vite = join(here, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [vite, 'build', '--logLevel', 'warn', '--config', join(here, 'vite.config.ts')],
    {
      stdio: 'inherit',
    },
  );
}
