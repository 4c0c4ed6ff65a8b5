import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Installs a package from the Debian archive when `binary` is missing (CI images are plain
 * Debian and tests run as root). Called from the jest global set-up, before workers start.
 */
export function ensureDebianPackage(binary: string, pkg: string): void {
  if (existsSync(binary)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    stdio: 'ignore',
    env,
  });
}
