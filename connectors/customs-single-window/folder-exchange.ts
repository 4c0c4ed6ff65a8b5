import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';

/** A local folder pair: files to the Single Window client go `out`, its answers come `in`. */
export const FolderExchangeSettingsSchema = z.strictObject({
  outDir: z.string().min(1),
  inDir: z.string().min(1),
  /** Where read answers are moved, so a file is read once; default `<inDir>/done`. */
  doneDir: z.string().min(1).optional(),
});
export type FolderExchangeSettings = z.infer<typeof FolderExchangeSettingsSchema>;

export interface ExchangeFile {
  name: string;
  body: Buffer;
}

/** How files travel to and from the Single Window: a local folder pair or SFTP. */
export interface FileExchange {
  put(name: string, body: Buffer): Promise<void>;
  /** Answers waiting, oldest name first; each is handed out once `ack`ed. */
  list(): Promise<ExchangeFile[]>;
  ack(name: string): Promise<void>;
}

/**
 * The folder pair the Single Window client software (or the simulator) watches. A file is
 * written under a `.part` name and renamed, so the other side never reads half a file.
 */
export class FolderExchange implements FileExchange {
  constructor(private readonly s: FolderExchangeSettings) {}

  private get doneDir(): string {
    return this.s.doneDir ?? path.join(this.s.inDir, 'done');
  }

  async put(name: string, body: Buffer): Promise<void> {
    await mkdir(this.s.outDir, { recursive: true });
    const part = path.join(this.s.outDir, `${name}.part`);
    await writeFile(part, body);
    await rename(part, path.join(this.s.outDir, name));
  }

  async list(): Promise<ExchangeFile[]> {
    await mkdir(this.s.inDir, { recursive: true });
    const names = (await readdir(this.s.inDir, { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.endsWith('.part'))
      .map((e) => e.name)
      .sort();
    return Promise.all(
      names.map(async (name) => ({ name, body: await readFile(path.join(this.s.inDir, name)) })),
    );
  }

  async ack(name: string): Promise<void> {
    await mkdir(this.doneDir, { recursive: true });
    await rename(path.join(this.s.inDir, name), path.join(this.doneDir, name));
  }
}
