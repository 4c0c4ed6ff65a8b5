import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import SftpClient from 'ssh2-sftp-client';
import { TradeError, type Stage } from '../../../core/errors/trade-error';
import { classifySftpError } from './classify-sftp-error';
import { HostKeyPin } from './host-key';
import type { SftpSettings } from './sftp-settings.schema';

export interface RemoteFile {
  name: string;
  path: string;
  size: number;
  /** Modification time in ms (SFTP gives seconds). */
  mtimeMs: number;
}

const quiet = { error: () => undefined, end: () => undefined, close: () => undefined };

/**
 * One SSH connection with its SFTP channel, opened only after the server showed the pinned
 * host key. Every operation has a time limit and fails as a classified TradeError.
 */
export class SftpSession {
  private constructor(
    private readonly client: SftpClient,
    private readonly settings: SftpSettings,
    private readonly stage: Stage,
  ) {}

  /** Connects; `signal` (gateway shutdown) abandons a connection attempt at once. */
  static async open(
    settings: SftpSettings,
    partnerId: string,
    stage: Stage,
    signal?: AbortSignal,
  ): Promise<SftpSession> {
    const client = new SftpClient(`tradehub-${partnerId}`, quiet);
    const pin = new HostKeyPin(settings.hostKeySha256);
    const session = new SftpSession(client, settings, stage);
    const privateKey = settings.privateKey ?? (await keyFile(settings, stage));
    try {
      await session.limit(
        client.connect({
          host: settings.host,
          port: settings.port,
          username: settings.username,
          password: settings.password,
          privateKey,
          passphrase: settings.passphrase,
          readyTimeout: settings.connectTimeoutMs,
          hostVerifier: pin.verify,
        }),
        settings.connectTimeoutMs + 1000,
        'connect',
        signal,
      );
      return session;
    } catch (err) {
      session.destroy();
      throw classifySftpError(err, session.what('connect'), stage, pin.mismatch);
    }
  }

  /** Regular files of a folder (no sub-folders or links). */
  async list(dir: string): Promise<RemoteFile[]> {
    const entries = await this.run('list', dir, () => this.client.list(dir));
    return entries
      .filter((e) => e.type === '-')
      .map((e) => ({
        name: e.name,
        path: posix.join(dir, e.name),
        size: e.size,
        mtimeMs: e.modifyTime,
      }));
  }

  async read(path: string): Promise<Buffer> {
    return this.run('read', path, async () => (await this.client.get(path)) as Buffer);
  }

  async write(path: string, body: Buffer): Promise<void> {
    await this.run('write', path, () => this.client.put(body, path));
  }

  async exists(path: string): Promise<boolean> {
    return Boolean(await this.run('stat', path, () => this.client.exists(path)));
  }

  /** Renames; OpenSSH's posix-rename replaces an existing target atomically, others refuse. */
  async rename(from: string, to: string, replace = false): Promise<void> {
    await this.run('rename', `${from} -> ${to}`, () =>
      replace ? this.client.posixRename(from, to) : this.client.rename(from, to),
    );
  }

  async remove(path: string): Promise<void> {
    await this.run('delete', path, () => this.client.delete(path, true));
  }

  async close(): Promise<void> {
    try {
      await this.limit(this.client.end(), 2000, 'close');
    } catch {
      this.destroy();
    }
  }

  private what(op: string, target?: string): string {
    const where = `sftp ${this.settings.username}@${this.settings.host}:${this.settings.port}`;
    return `${where} ${op}${target ? ` ${target}` : ''}`;
  }

  private async run<T>(op: string, target: string, work: () => Promise<T>): Promise<T> {
    try {
      return await this.limit(work(), this.settings.readTimeoutMs, op);
    } catch (err) {
      throw classifySftpError(err, this.what(op, target), this.stage);
    }
  }

  // A remote call that hangs must not hold the poll (and its lock) forever: past the limit
  // the connection is dropped and the attempt counts as a time-out.
  // The same happens when the gateway shuts down (`signal`) while a connection is being made.
  private limit<T>(work: Promise<T>, ms: number, op: string, signal?: AbortSignal): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      const fail = (message: string) => {
        this.destroy();
        reject(Object.assign(new Error(`${op} ${message}`), { code: 'ETIMEDOUT' }));
      };
      timer = setTimeout(() => fail(`timed out after ${ms} ms`), ms);
      onAbort = () => fail('abandoned: shutting down');
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    return Promise.race([work, stop]).finally(() => {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    });
  }

  private destroy(): void {
    (this.client as unknown as { client?: { destroy?: () => void } }).client?.destroy?.();
  }
}

async function keyFile(settings: SftpSettings, stage: Stage): Promise<Buffer | undefined> {
  if (!settings.privateKeyFile) return undefined;
  try {
    return await readFile(settings.privateKeyFile);
  } catch (err) {
    throw new TradeError('config', `cannot read privateKeyFile: ${(err as Error).message}`, {
      stage,
      code: 'sftp-settings',
      cause: err,
      detail: { path: settings.privateKeyFile },
    });
  }
}
