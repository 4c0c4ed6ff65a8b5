import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackage } from './debian-package';

const SSHD = '/usr/sbin/sshd';

/**
 * Installs OpenSSH's server from the Debian archive when this machine has none (CI images are
 * plain Debian and tests run as root). Called once from the jest global set-up.
 */
export function ensureSshd(): void {
  ensureDebianPackage(SSHD, 'openssh-server');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on ${port} within ${timeoutMs} ms`);
}

function keygen(file: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'tradehub-test', '-f', file]);
  return readFileSync(file, 'utf8');
}

/** A partner's folders on the test server (absolute paths). */
export interface PartnerFolders {
  inboundDir: string;
  archiveDir: string;
  errorDir: string;
  outboundDir: string;
}

/**
 * A real OpenSSH sshd on a loopback port with its own host key, one authorised client key,
 * the internal SFTP server and no password login. Files live under `root`.
 */
export class SftpTestServer {
  readonly host = '127.0.0.1';
  readonly username = userInfo().username;
  readonly privateKey: string;
  readonly hostKeySha256: string;
  private process?: ChildProcess;

  private constructor(
    readonly dir: string,
    readonly root: string,
    readonly port: number,
  ) {
    this.privateKey = keygen(join(dir, 'client_ed25519'));
    writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_ed25519.pub')));
    keygen(join(dir, 'host_ed25519'));
    const printed = execFileSync('ssh-keygen', ['-lf', join(dir, 'host_ed25519.pub')], {
      encoding: 'utf8',
    });
    this.hostKeySha256 = printed.split(' ')[1];
    writeFileSync(join(dir, 'sshd_config'), this.config());
  }

  static async start(): Promise<SftpTestServer> {
    ensureSshd();
    const dir = mkdtempSync(join(tmpdir(), 'tradehub-sshd-'));
    const root = join(dir, 'home');
    mkdirSync(root);
    const server = new SftpTestServer(dir, root, await freePort());
    await server.resume();
    return server;
  }

  /** SFTP transport settings for a partner whose folders are `<root>/<name>/{in,...}`. */
  settings(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      kind: 'sftp',
      host: this.host,
      port: this.port,
      username: this.username,
      privateKey: this.privateKey,
      hostKeySha256: this.hostKeySha256,
      ...this.folders(name),
      ...extra,
    };
  }

  folders(name: string): PartnerFolders {
    const base = join(this.root, name);
    const folders = {
      inboundDir: join(base, 'in'),
      archiveDir: join(base, 'archive'),
      errorDir: join(base, 'error'),
      outboundDir: join(base, 'out'),
    };
    for (const path of Object.values(folders)) mkdirSync(path, { recursive: true });
    return folders;
  }

  /** Starts (again) on the same port and keys. */
  async resume(): Promise<void> {
    // OpenSSH insists on its privilege separation directory.
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    const child = spawn(SSHD, ['-D', '-e', '-f', join(this.dir, 'sshd_config')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-2000)));
    this.process = child;
    try {
      await waitForPort(this.port);
    } catch (err) {
      throw new Error(`${(err as Error).message}: ${log}`, { cause: err });
    }
  }

  /** Stops sshd and every session it forked (its own process group). */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private config(): string {
    return [
      `Port ${this.port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(this.dir, 'host_ed25519')}`,
      `PidFile ${join(this.dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(this.dir, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      `AllowUsers ${this.username}`,
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
      '',
    ].join('\n');
  }
}
