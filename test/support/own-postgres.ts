import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/**
 * A PostgreSQL server of the test's own (initdb into a temp folder, its own port), for suites
 * that stop and restart the database: the machine's shared server is never touched. As root,
 * the server runs as the `postgres` user (PostgreSQL refuses root).
 */
export interface OwnPostgres {
  port: number;
  /** A connection URL to `database` on this server. */
  url(database: string): string;
  /** `pg_ctl restart`: 'fast' ends sessions with 57P01, 'immediate' drops them. */
  restart(mode?: 'fast' | 'immediate'): void;
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** `restart` without blocking the event loop (a load runs beside it). */
  restartAsync(mode: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'tradehub-own-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = command(tool, args);
    execFileSync(cmd, argv, { stdio: 'pipe', cwd: dir });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const ctl = (action: string, extra: string[] = []) =>
    run('pg_ctl', [action, '-D', data, '-w', '-t', '60', '-l', join(dir, 'log'), ...extra]);
  const start = () => ctl('start', ['-o', options]);
  start();
  const restartAsync = async (mode: 'fast' | 'immediate') => {
    const args = ['restart', '-D', data, '-w', '-t', '60', '-l', join(dir, 'log'), '-m', mode];
    const [cmd, argv] = command('pg_ctl', [...args, '-o', options]);
    await promisify(execFile)(cmd, argv, { cwd: dir });
  };
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: (mode = 'fast') => ctl('restart', ['-m', mode, '-o', options]),
    stop: (mode = 'fast') => ctl('stop', ['-m', mode]),
    start,
    restartAsync,
    destroy: () => {
      try {
        ctl('stop', ['-m', 'immediate']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`no PostgreSQL binaries under ${root}`);
  return join(root, versions[0], 'bin');
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}

function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user]).toString().trim());
}
