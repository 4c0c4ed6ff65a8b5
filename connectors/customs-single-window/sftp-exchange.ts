import { posix } from 'node:path';
import { fileNameFilter } from '../transports/sftp/file-patterns';
import { moveInto } from '../transports/sftp/remote-moves';
import { SftpSession, type RemoteFile } from '../transports/sftp/sftp-session';
import type { SftpSettings } from '../transports/sftp/sftp-settings.schema';
import type { ExchangeFile, FileExchange } from './folder-exchange';

/**
 * The Single Window file exchange over SFTP (an E-Port gateway or the partner's exchange
 * server): DXP files go to `outboundDir` under a `.part` name renamed when complete, answers
 * are read from `inboundDir` and, once acknowledged, moved to `archiveDir` (never overwriting).
 * One connection per call: the exchange is polled every few seconds, not streamed.
 */
export class SftpExchange implements FileExchange {
  private readonly wanted: (name: string) => boolean;
  /** Answers listed and not yet acknowledged, by name, for the move to the archive. */
  private readonly listed = new Map<string, RemoteFile>();

  constructor(
    private readonly s: SftpSettings,
    private readonly partnerId: string,
  ) {
    this.wanted = fileNameFilter(s.filePatterns, s.ignorePatterns);
  }

  async put(name: string, body: Buffer): Promise<void> {
    await this.session('deliver', async (session) => {
      const target = posix.join(this.s.outboundDir, name);
      await session.write(`${target}.part`, body);
      await session.rename(`${target}.part`, target);
    });
  }

  async list(): Promise<ExchangeFile[]> {
    return this.session('receive', async (session) => {
      const files = (await session.list(this.s.inboundDir))
        .filter((f) => !f.name.startsWith('.') && this.wanted(f.name))
        .filter((f) => f.size <= this.s.maxFileBytes)
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, this.s.maxFilesPerPoll);
      const out: ExchangeFile[] = [];
      for (const file of files) {
        out.push({ name: file.name, body: await session.read(file.path) });
        this.listed.set(file.name, file);
      }
      return out;
    });
  }

  async ack(name: string): Promise<void> {
    const file = this.listed.get(name) ?? this.remote(name);
    await this.session('receive', (session) =>
      moveInto(session, file, this.s.archiveDir, new Date().toISOString().replace(/[-:.]/g, '')),
    );
    this.listed.delete(name);
  }

  private remote(name: string): RemoteFile {
    return { name, path: posix.join(this.s.inboundDir, name), size: 0, mtimeMs: 0 };
  }

  private async session<T>(
    stage: 'deliver' | 'receive',
    work: (session: SftpSession) => Promise<T>,
  ): Promise<T> {
    const session = await SftpSession.open(this.s, this.partnerId, stage);
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }
}
