import { createHash } from 'node:crypto';
import type { PollContext, PollResult } from '../../../core/connector/contract';
import { TradeError } from '../../../core/errors/trade-error';
import type { PartnerRecord } from '../../../core/partners/partner.schema';
import { contentComplete, contentEnds } from './completeness/content-complete';
import { edifactInterchangeRef } from './completeness/edifact-unz.check';
import { fileNameFilter } from './file-patterns';
import { moveInto, moveToError } from './remote-moves';
import type { RemoteFile, SftpSession } from './sftp-session';
import type { SftpSettings } from './sftp-settings.schema';

/** Poll-state key of a taken file: the same bytes at the same place and time are taken once. */
export function takenKey(file: RemoteFile, body: Buffer): string {
  const hash = createHash('sha256').update(body).digest('hex');
  return `taken:${file.path}:${file.size}:${file.mtimeMs}:${hash}`;
}

/**
 * One pass over the inbound folder (Camel's SFTP consumer checklist): take complete files in
 * time order, store each raw before touching it remotely, remember it in the poll state, then
 * move it to the archive; a file that can never be read goes to the error folder.
 */
export class InboundRound {
  private readonly result: PollResult = { received: 0, deferred: 0 };
  private readonly wanted: (name: string) => boolean;
  private names = new Set<string>();

  constructor(
    private readonly session: SftpSession,
    private readonly settings: SftpSettings,
    private readonly partner: PartnerRecord,
    private readonly ctx: PollContext,
    private readonly now: () => number,
  ) {
    this.wanted = fileNameFilter(settings.filePatterns, settings.ignorePatterns);
  }

  async run(): Promise<PollResult> {
    const files = await this.session.list(this.settings.inboundDir);
    this.names = new Set(files.map((f) => f.name));
    const candidates = files
      .filter((f) => this.wanted(f.name) && !this.isDoneMarker(f.name))
      .sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name))
      .slice(0, this.settings.maxFilesPerPoll);
    for (const file of candidates) {
      if (this.ctx.signal.aborted) break;
      await this.take(file);
    }
    return this.result;
  }

  private async take(file: RemoteFile): Promise<void> {
    const max = this.settings.maxFileBytes;
    if (file.size > max) return this.reject(file, `${file.size} bytes, over the limit of ${max}`);
    if (!(await this.ready(file))) return this.defer(file, this.notReadyReason());
    const body = await this.readIfThere(file);
    if (!body) return;
    if (body.length > max)
      return this.reject(file, `${body.length} bytes, over the limit of ${max}`);
    const key = takenKey(file, body);
    // Taken before but not archived (a crash in between): only the move is left to do.
    let messageId = await this.ctx.state.get(key);
    if (!messageId) {
      const complete = contentComplete(this.settings.completeness, body);
      const taken = complete ? this.settings.completeness : await this.settledOrStale(file, body);
      if (!taken) return this.defer(file, this.cutReason(body));
      messageId = (await this.store(file, body, taken)).messageId;
      await this.ctx.state.set(key, messageId);
      this.result.received++;
    }
    await moveInto(this.session, file, this.settings.archiveDir, messageId);
    if (this.settings.completeness === 'done-file')
      await this.session.remove(this.doneMarkerOf(file));
  }

  private store(file: RemoteFile, body: Buffer, completeness: string) {
    return this.ctx.intake.receive({
      partnerId: this.partner.id,
      connector: this.partner.connector,
      transport: 'sftp',
      raw: body,
      // UNB 0020: shown with the message, and a resent interchange is known as a duplicate.
      partnerRef: edifactInterchangeRef(body),
      clientId: this.partner.clientId ?? null,
      transportMeta: {
        fileName: file.name,
        remotePath: file.path,
        size: file.size,
        modifiedAt: new Date(file.mtimeMs).toISOString(),
        completeness,
      },
    });
  }

  // Rules decided without reading: a done marker beside the file, or the same size and time
  // as at the previous poll.
  private async ready(file: RemoteFile): Promise<boolean> {
    switch (this.settings.completeness) {
      case 'done-file':
        return this.names.has(`${file.name}${this.settings.doneFileSuffix}`);
      case 'stable-size':
        return (await this.unchangedForMs(file)) !== undefined;
      case 'edifact-unz':
      case 'x12-iea':
      case 'xml-wellformed':
        return true;
    }
  }

  /**
   * A file whose content does not pass its rule but that has not changed for `settleSec` and
   * carries its end marker (a UNZ whose reference is wrong) is finished: taken at once, and the
   * parser says what is wrong. Without an end marker it is taken after `staleAfterSec`: the
   * partner gave up on it. Returns how it was taken, or undefined while it may still grow.
   */
  private async settledOrStale(file: RemoteFile, body: Buffer): Promise<string | undefined> {
    const unchanged = await this.unchangedForMs(file);
    if (unchanged === undefined) return undefined;
    if (
      unchanged >= this.settings.settleSec * 1000 &&
      contentEnds(this.settings.completeness, body)
    )
      return 'taken-when-settled';
    if (unchanged >= this.settings.staleAfterSec * 1000) return 'taken-when-stale';
    return undefined;
  }

  private defer(file: RemoteFile, reason: string): void {
    this.result.deferred++;
    this.ctx.log?.info(
      { partnerId: this.partner.id, file: file.path, size: file.size, reason },
      `file ${file.name} left for a later poll: ${reason}`,
    );
  }

  private notReadyReason(): string {
    return this.settings.completeness === 'done-file'
      ? `no ${this.settings.doneFileSuffix} marker yet`
      : `size or time changed within the last poll; settles after ${this.settings.settleSec} s`;
  }

  private cutReason(body: Buffer): string {
    const { completeness, settleSec, staleAfterSec } = this.settings;
    return contentEnds(completeness, body)
      ? `its end marker does not match its header (${completeness}); taken once unchanged for ${settleSec} s`
      : `no end marker yet (${completeness}); taken once unchanged for ${staleAfterSec} s`;
  }

  /** How long the file has looked the same across polls; undefined when new or changed. */
  private async unchangedForMs(file: RemoteFile): Promise<number | undefined> {
    const key = `seen:${file.path}`;
    const look = `${file.size}:${file.mtimeMs}`;
    const [before, since] = (await this.ctx.state.get(key))?.split('@') ?? [];
    if (before === look) return this.now() - Number(since);
    await this.ctx.state.set(key, `${look}@${this.now()}`);
    return undefined;
  }

  private async readIfThere(file: RemoteFile): Promise<Buffer | undefined> {
    try {
      return await this.session.read(file.path);
    } catch (err) {
      // Gone since the listing (the partner took it back): nothing to do.
      if (err instanceof TradeError && err.code === 'no-such-path') return undefined;
      throw err;
    }
  }

  private async reject(file: RemoteFile, reason: string): Promise<void> {
    await moveToError(this.session, file, this.settings.errorDir, reason, new Date(this.now()));
  }

  private isDoneMarker(name: string): boolean {
    return (
      this.settings.completeness === 'done-file' && name.endsWith(this.settings.doneFileSuffix)
    );
  }

  private doneMarkerOf(file: RemoteFile): string {
    return `${file.path}${this.settings.doneFileSuffix}`;
  }
}
