import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Test helper: the read-only shared folder (official schemas, corpus) when present. Resolved from
 * TRADEHUB_SHARED_DIR, else `../shared` beside the repository root. Absent on some machines:
 * the specs that need it are `*.shared.spec.ts`, left out by jest.config.js then.
 */
export function sharedDir(...sub: string[]): string | undefined {
  const root = process.env.TRADEHUB_SHARED_DIR ?? path.resolve(__dirname, '../../../../shared');
  const dir = path.join(root, ...sub);
  return existsSync(dir) ? dir : undefined;
}

/**
 * The shared sub-folder for a `*.shared.spec.ts`: jest.config.js runs those only when the shared
 * folder is there (and fails a CI run without it), so a missing one here is a set-up fault.
 */
export function requireShared(...sub: string[]): string {
  const dir = sharedDir(...sub);
  if (!dir) throw new Error(`shared/${sub.join('/')} not found (set TRADEHUB_SHARED_DIR)`);
  return dir;
}
