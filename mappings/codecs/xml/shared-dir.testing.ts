import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Test helper: the read-only shared folder (official schemas, corpus) when present. Resolved from
 * TRADEHUB_SHARED_DIR, else `../shared` beside the repository root. Absent on some machines:
 * tests that need it say so and check nothing else then.
 */
export function sharedDir(...sub: string[]): string | undefined {
  const root = process.env.TRADEHUB_SHARED_DIR ?? path.resolve(__dirname, '../../../../shared');
  const dir = path.join(root, ...sub);
  return existsSync(dir) ? dir : undefined;
}

/** Prints the visible note for a check skipped because the shared folder is missing. */
export function noteSkipped(what: string, sub: string[]): void {
  console.warn(
    `[schema check skipped] ${what}: shared/${sub.join('/')} not found (set TRADEHUB_SHARED_DIR)`,
  );
}
